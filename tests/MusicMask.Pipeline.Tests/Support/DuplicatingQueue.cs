using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A queue that sends every message twice: at-least-once delivery at its worst.</summary>
public sealed class DuplicatingQueue(IMessageQueue inner) : IMessageQueue
{
    public string Name => inner.Name;

    public async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(body, cancellationToken);
        await inner.SendAsync(body, cancellationToken);
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default) => inner.CompleteAsync(message, cancellationToken);

    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken = default) => inner.ReleaseAsync(message, delay, cancellationToken);

    public Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(message, reason, cancellationToken);

    public Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default) => inner.ApproximateCountAsync(cancellationToken);

    public Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default) => inner.PeekAsync(maxMessages, cancellationToken);
}
