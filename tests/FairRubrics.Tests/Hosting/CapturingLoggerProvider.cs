using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FairRubrics.Tests.Hosting;

/// <summary>
/// Captures every log line (formatted message, event id, and every structured value) of a container. Shared with
/// tests/FairRubrics.HrService.Tests (linked source file).
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record CapturedLine(string Category, LogLevel Level, EventId EventId, string Message, string Values);

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("|", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Lines.Enqueue(new CapturedLine(category, logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
        }
    }
}
