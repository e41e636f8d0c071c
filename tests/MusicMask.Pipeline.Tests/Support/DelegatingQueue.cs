using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A queue that passes everything to <paramref name="inner"/>; test queues override what they change.</summary>
public abstract class DelegatingQueue(IMessageQueue inner) : IMessageQueue
{
    protected IMessageQueue Inner => inner;

    public string Name => inner.Name;

    public virtual Task SendAsync(string body, CancellationToken cancellationToken = default) => inner.SendAsync(body, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default) => inner.CompleteAsync(message, cancellationToken);

    public Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.ExtendAsync(message, visibilityTimeout, cancellationToken);

    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, DeliveryHistory history, CancellationToken cancellationToken = default) =>
        inner.ReleaseAsync(message, delay, history, cancellationToken);

    public Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(message, reason, cancellationToken);

    public Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default) => inner.ApproximateCountAsync(cancellationToken);

    public Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default) => inner.PeekAsync(maxMessages, cancellationToken);
}
