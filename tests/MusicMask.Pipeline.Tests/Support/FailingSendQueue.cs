using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A queue whose sends fail for every message that mentions what <paramref name="poison"/> names: a fault that outlasts every retry.</summary>
public sealed class FailingSendQueue(IMessageQueue inner, Func<string?> poison) : IMessageQueue
{
    public string Name => inner.Name;

    public Task SendAsync(string body, CancellationToken cancellationToken = default) =>
        poison() is { } marker && body.Contains(marker, StringComparison.Ordinal)
            ? throw new IOException($"injected failure sending to {inner.Name}")
            : inner.SendAsync(body, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default) => inner.CompleteAsync(message, cancellationToken);

    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken = default) => inner.ReleaseAsync(message, delay, cancellationToken);

    public Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(message, reason, cancellationToken);

    public Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default) => inner.ApproximateCountAsync(cancellationToken);

    public Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default) => inner.PeekAsync(maxMessages, cancellationToken);
}
