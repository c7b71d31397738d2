using System.Text.Json;

namespace Acme.HrService.Api;

/// <summary>Problem details (RFC 9457) for bad requests: what is wrong and where, never a stack trace or a stored value.</summary>
internal static class Problems
{
    public static IResult BadRequest(string title, IReadOnlyList<ItemProblem> problems)
    {
        var first = problems[0];
        var detail = Describe(first) + (problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s), listed in 'errors')" : string.Empty);
        var errors = problems.Take(EvidenceBatch.MaxProblems)
            .Select(p => new Dictionary<string, object?> { ["index"] = p.Index < 0 ? null : p.Index, ["field"] = p.Field, ["message"] = p.Message })
            .ToList();
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A body that is not JSON at all, with the position the parser stopped at (1-based line and byte).</summary>
    public static IResult NotJson(string title, JsonException exception) => BadRequest(
        title,
        exception.LineNumber is { } line
            ? $"the body is not valid JSON at line {line + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}"
            : "the body is not valid JSON");

    public static string Describe(ItemProblem problem) =>
        problem.Index < 0 ? problem.Message
        : problem.Field is null ? $"item {problem.Index}: {problem.Message}"
        : $"item {problem.Index}, field '{problem.Field}': {problem.Message}";

    /// <summary>Parses a request body as JSON; no document (and the problem to return) when it is not JSON.</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadJsonAsync(HttpRequest request, string title, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, NotJson(title, ex));
        }
    }
}
