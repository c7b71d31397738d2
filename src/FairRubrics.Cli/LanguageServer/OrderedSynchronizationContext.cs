using System.Threading.Channels;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// Runs posted work one item at a time, in the order posted. JSON-RPC posts each incoming message's handler here, so
/// <c>didOpen</c>, <c>didChange</c> and the requests that follow them see the document in the order the editor sent
/// them (LSP requires that order).
/// </summary>
internal sealed class OrderedSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> _work = Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public OrderedSynchronizationContext()
    {
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Gets the exception of the last work item that failed, if any (handlers report their own errors; this is a safety net).</summary>
    public Exception? LastError { get; private set; }

    public override void Post(SendOrPostCallback d, object? state) => _work.Writer.TryWrite((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("the language server never runs work synchronously on its message loop");

    public override SynchronizationContext CreateCopy() => this;

    public void Dispose()
    {
        _work.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task RunAsync()
    {
        await foreach (var (callback, state) in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            // Continuations of async handlers come back here too, so they also run in order.
            SetSynchronizationContext(this);
            try
            {
                callback(state);
            }
#pragma warning disable CA1031 // One failing handler must not stop the server's message loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LastError = ex;
            }
            finally
            {
                SetSynchronizationContext(null);
            }
        }
    }
}
