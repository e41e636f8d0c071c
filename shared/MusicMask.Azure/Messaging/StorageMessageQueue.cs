using System.Text.Json;
using Azure.Storage.Queues;
using MusicMask.Outputs;

namespace MusicMask.Messaging;

/// <summary>
/// <see cref="IMessageQueue"/> on Azure Storage Queues (and Azurite), with a "{name}-poison" queue beside it. A
/// released message carries its <see cref="DeliveryHistory"/> in its text (<see cref="DeliveryEnvelope"/>), since a
/// storage queue counts dequeues but cannot tell a wait from a failure.
/// </summary>
public sealed class StorageMessageQueue : IMessageQueue
{
    /// <summary>
    /// A message left to the service's default lives 7 days and then vanishes without a dead letter: a backlog that
    /// long, or a poison queue nobody read for a week, would lose work with no record. -1 s is "never" to the service.
    /// </summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly Lazy<Task> _created;

    public StorageMessageQueue(QueueServiceClient service, string name)
    {
        Name = name;
        _queue = service.GetQueueClient(name);
        _poison = service.GetQueueClient(QueueNames.Poison(name));
        _created = new Lazy<Task>(() => Task.WhenAll(_queue.CreateIfNotExistsAsync(), _poison.CreateIfNotExistsAsync()));
    }

    public string Name { get; }

    public async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SendMessageAsync(body, visibilityTimeout: null, timeToLive: NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var received = await _queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return received.Value.Select(m =>
        {
            var (body, recorded) = DeliveryEnvelope.Open(m.Body.ToString());
            return new QueueMessage(m.MessageId, body, m.DequeueCount, m.PopReceipt, DeliveryHistory.FromDeliveryCount(m.DequeueCount, recorded));
        }).ToArray();
    }

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default) =>
        _queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);

    /// <summary>Changes only the visibility (no text is sent, so the text and its history stay as they are).</summary>
    public async Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var receipt = await _queue.UpdateMessageAsync(message.Id, message.Receipt, (string?)null, TimeSpan.FromSeconds(Math.Ceiling(visibilityTimeout.TotalSeconds)), cancellationToken).ConfigureAwait(false);
        return message with { Receipt = receipt.Value.PopReceipt };
    }

    /// <summary>Storage queues count visibility in whole seconds, so the delay is rounded up: 250 ms would otherwise be none.</summary>
    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, DeliveryHistory history, CancellationToken cancellationToken = default) =>
        _queue.UpdateMessageAsync(message.Id, message.Receipt, DeliveryEnvelope.Seal(message.Body, history), TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)), cancellationToken);

    public async Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var letter = new DeadLetter(Name, reason, message.DeliveryCount, DateTimeOffset.UtcNow, message.Body);
        await _poison.SendMessageAsync(JsonSerializer.Serialize(letter, JsonOptions.Compact), visibilityTimeout: null, timeToLive: NeverExpires, cancellationToken).ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var properties = await _queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }

    public async Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var peeked = await _queue.PeekMessagesAsync(Math.Clamp(maxMessages, 1, 32), cancellationToken).ConfigureAwait(false);
        return peeked.Value.Select(m => DeliveryEnvelope.Open(m.Body.ToString()).Body).ToArray();
    }
}
