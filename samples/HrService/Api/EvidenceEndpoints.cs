using Acme.HrService.Storage;

namespace Acme.HrService.Api;

/// <summary><c>POST /evidence</c>: a JSON array of evidence objects, stored all together or not at all.</summary>
internal static partial class EvidenceEndpoints
{
    private const string Rejected = "The evidence batch was not stored";

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/evidence", PostAsync);

    private static async Task<IResult> PostAsync(HttpRequest request, IEvidenceStore store, ILogger<HrServiceLog> logger, CancellationToken cancellationToken)
    {
        var (document, notJson) = await Problems.ReadJsonAsync(request, Rejected, cancellationToken);
        if (document is null)
        {
            return notJson!;
        }

        using (document)
        {
            var (items, problems) = EvidenceBatch.Read(document.RootElement);
            if (problems.Count > 0)
            {
                Log.BatchRejected(logger, problems.Count);
                return Problems.BadRequest(Rejected, problems);
            }

            await store.AddAsync(items, cancellationToken);
            Log.BatchStored(logger, items.Count);
            return Results.Ok(new { stored = items.Count });
        }
    }

    // Counts only: never a subject id or an evidence value in a log line.
    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Stored an evidence batch of {Count} item(s)")]
        public static partial void BatchStored(ILogger logger, int count);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Rejected an evidence batch with {Problems} problem(s); nothing stored")]
        public static partial void BatchRejected(ILogger logger, int problems);
    }
}
