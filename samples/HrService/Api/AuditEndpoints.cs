using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Acme.HrService.Storage;
using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Scoring;

namespace Acme.HrService.Api;

/// <summary>
/// <c>POST /audits</c> scores everyone from the evidence stored (their latest scores, as of the date asked), joins
/// in the protected attributes, audits and stores the report; <c>GET /audits/{id}</c> returns it. The report is the
/// JSON <c>fairrubrics audit --format json</c> writes: aggregates only, small groups suppressed.
/// </summary>
internal static partial class AuditEndpoints
{
    private const string Failed = "The audit was not run";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/audits", PostAsync);
        endpoints.MapGet("/audits/{id}", GetAsync);
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request,
        IRubricCatalog catalog,
        IEvidenceStore evidence,
        ISubjectAttributeSource attributes,
        IAuditStore audits,
        IRubricScorer scorer,
        IBiasAuditor auditor,
        TimeProvider clock,
        ILogger<HrServiceLog> logger,
        CancellationToken cancellationToken)
    {
        var (document, notJson) = await Problems.ReadJsonAsync(request, Failed, cancellationToken);
        if (document is null)
        {
            return notJson!;
        }

        AuditRequest? body;
        using (document)
        {
            (body, var problems) = AuditRequest.Read(document.RootElement);
            if (body is null)
            {
                return Problems.BadRequest(Failed, problems);
            }
        }

        var (rubric, missing) = RubricChoice.Find(catalog, body.Rubric, Failed);
        if (rubric is null)
        {
            return missing!;
        }

        if (rubric.Favourable.Count == 0)
        {
            return Problems.BadRequest(Failed, $"the rubric '{rubric.Id}' names no favourable bands ('favourable:'), so there is no outcome to compare");
        }

        var (asOf, badDate) = RubricChoice.AsOf(body.AsOf, clock, Failed);
        if (badDate is not null)
        {
            return badDate;
        }

        var options = new AuditOptions { Intersect = body.Intersect, MinGroupSize = body.MinGroupSize ?? 5 };
        foreach (var band in rubric.Favourable)
        {
            options.FavourableBands.Add(band);
        }

        foreach (var name in body.Attributes)
        {
            options.Attributes.Add(name);
        }

        var started = clock.GetTimestamp();

        // Everyone's evidence streams from the database in subject order, so each score comes as its subject's rows
        // end (one subject's rows in memory); the audit looks attributes up a batch of subjects at a time and keeps
        // only aggregates. Then the ratings that name their rater, for the rater-effect check (FR206).
        var scoring = new ScoringOptions { AsOf = asOf, EvidenceOrder = EvidenceOrder.GroupedBySubject };
        var scores = scorer.ScoreAllAsync(rubric, evidence.ReadAllAsync(cancellationToken), scoring, cancellationToken);
        var report = await auditor.AuditAsync(scores.Select(AuditSubject.From), evidence.ReadRatingsAsync(cancellationToken), attributes, options, cancellationToken);

        var buffer = new ArrayBufferWriter<byte>(16384);
        await using (var writer = new Utf8JsonWriter(buffer, ScoreEndpoints.WriterOptions))
        {
            AuditJson.Write(writer, report);
        }

        var audit = new StoredAudit(Guid.NewGuid().ToString("N"), clock.GetUtcNow(), rubric.Id, rubric.Version, asOf, body.Attributes, Encoding.UTF8.GetString(buffer.WrittenSpan));
        await audits.SaveAsync(audit, cancellationToken);
        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        Log.AuditStored(logger, report.Subjects, body.Attributes.Count, elapsed);
        return new JsonBytes(Envelope(audit), StatusCodes.Status201Created, $"/audits/{audit.Id}");
    }

    private static async Task<IResult> GetAsync(string id, IAuditStore audits, CancellationToken cancellationToken) =>
        await audits.FindAsync(id, cancellationToken) is { } audit
            ? new JsonBytes(Envelope(audit))
            : Problems.NotFound("no audit has this id");

    /// <summary><c>{"id", "created", "rubric", "rubricVersion", "asOf", "attributes", "report"}</c>.</summary>
    private static byte[] Envelope(StoredAudit audit)
    {
        var buffer = new ArrayBufferWriter<byte>(audit.ReportJson.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer, ScoreEndpoints.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", audit.Id);
            writer.WriteString("created", audit.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("rubric", audit.Rubric);
            writer.WriteString("rubricVersion", audit.RubricVersion);
            writer.WriteString("asOf", audit.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteStartArray("attributes");
            foreach (var name in audit.Attributes)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("report");
            writer.WriteRawValue(audit.ReportJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Counts and durations only.
    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Audited {Subjects} subject(s) by {Attributes} attribute(s) in {Milliseconds:F0} ms; report stored")]
        public static partial void AuditStored(ILogger logger, long subjects, int attributes, double milliseconds);
    }
}
