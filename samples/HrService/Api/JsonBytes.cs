namespace Acme.HrService.Api;

/// <summary>A JSON body already written by a library writer, with a status code and an optional Location.</summary>
internal sealed class JsonBytes(byte[] body, int statusCode = StatusCodes.Status200OK, string? location = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
