using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Acme.HrService.Storage;
using FairRubrics.Catalog;
using FairRubrics.Guidance;
using FairRubrics.Scoring;

namespace Acme.HrService.Api;

/// <summary>
/// <c>GET /people/{id}/score?rubric=ID&amp;asOf=YYYY-MM-DD</c>: the person's score from the evidence stored, with its
/// explanation and guidance — the same JSON object, byte for byte, that <c>fairrubrics score --explain --guidance</c>
/// writes for that person (it is written by the same library writer, <see cref="ScoreJson"/>).
/// </summary>
internal static class ScoreEndpoints
{
    private const string Failed = "The score could not be computed";

    /// <summary>The writer options the command line uses for score lines.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/people/{id}/score", GetAsync);

    private static async Task<IResult> GetAsync(
        string id,
        string? rubric,
        string? asOf,
        IRubricCatalog catalog,
        IEvidenceStore evidence,
        IRubricScorer scorer,
        IGuidanceAdvisor advisor,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (chosen, problem) = RubricChoice.Find(catalog, rubric, Failed);
        if (chosen is null)
        {
            return problem!;
        }

        var (date, badDate) = RubricChoice.AsOf(asOf, clock, Failed);
        if (badDate is not null)
        {
            return badDate;
        }

        // One subject's rows, streamed from the database: grouped by subject by construction.
        var options = new ScoringOptions { AsOf = date, EvidenceOrder = EvidenceOrder.GroupedBySubject };
        await foreach (var score in scorer.ScoreAllAsync(chosen, evidence.ReadSubjectAsync(id, cancellationToken), options, cancellationToken))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                ScoreJson.Write(writer, score, advisor.Advise(score), explain: true);
            }

            return new JsonBytes(buffer.WrittenSpan.ToArray());
        }

        return Problems.NotFound("no evidence is stored for this person");
    }
}
