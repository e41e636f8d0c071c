using System.Text;
using MusicMask.Storage;

namespace MusicMask.Messaging;

/// <summary>An <see cref="IMessageQueue"/> that records every operation in a <see cref="StorageMeter"/>, under the queue's name.</summary>
public sealed class MeteredQueue(IMessageQueue inner, StorageMeter meter) : IMessageQueue
{
    public string Name => inner.Name;

    public Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "send", bytesWritten: Encoding.UTF8.GetByteCount(body));
        return inner.SendAsync(body, cancellationToken);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var messages = await inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        meter.Record(Name, "receive", bytesRead: messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m.Body)));
        return messages;
    }

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "complete");
        return inner.CompleteAsync(message, cancellationToken);
    }

    public Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "extend");
        return inner.ExtendAsync(message, visibilityTimeout, cancellationToken);
    }

    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, DeliveryHistory history, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "release");
        return inner.ReleaseAsync(message, delay, history, cancellationToken);
    }

    public Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "dead-letter");
        return inner.DeadLetterAsync(message, reason, cancellationToken);
    }

    public Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "properties");
        return inner.ApproximateCountAsync(cancellationToken);
    }

    public Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        meter.Record(Name, "peek");
        return inner.PeekAsync(maxMessages, cancellationToken);
    }
}
