using System.Text;

namespace MusicMask.Messaging;

/// <summary>Sends a group of message bodies in one call (a Service Bus batch send, say).</summary>
public interface IMessageBatchTransport
{
    Task SendBatchAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken);
}

/// <summary>
/// Groups messages into size-safe batches: at most <see cref="MaxMessages"/> per batch and
/// <see cref="MaxBatchBytes"/> counting a per-message allowance for headers (Service Bus Standard caps a batch at
/// 256 KB). Batches go out as they fill, so consumers start early; dispose (or flush) sends the rest.
/// Not thread-safe: one sender per producer.
/// </summary>
public sealed class BatchingSender(IMessageBatchTransport transport) : IMessageSender, IAsyncDisposable
{
    public const int MaxMessages = 100;
    public const int MaxBatchBytes = 192 * 1024;
    public const int PerMessageAllowance = 512;

    private readonly List<string> _pending = [];
    private int _pendingBytes;

    public int BatchesSent { get; private set; }

    public async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        var size = Encoding.UTF8.GetByteCount(body) + PerMessageAllowance;
        if (size > MaxBatchBytes)
        {
            throw new ArgumentException($"a {size}-byte message does not fit a {MaxBatchBytes}-byte batch", nameof(body));
        }

        if (_pendingBytes + size > MaxBatchBytes)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _pending.Add(body);
        _pendingBytes += size;
        if (_pending.Count == MaxMessages)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await transport.SendBatchAsync(_pending.ToArray(), cancellationToken).ConfigureAwait(false);
        BatchesSent++;
        _pending.Clear();
        _pendingBytes = 0;
    }

    public async ValueTask DisposeAsync() => await FlushAsync().ConfigureAwait(false);
}
