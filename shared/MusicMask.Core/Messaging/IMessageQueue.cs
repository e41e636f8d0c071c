namespace MusicMask.Messaging;

/// <summary>
/// The transport between stages, at-least-once: a received message stays invisible for a visibility timeout and
/// comes back unless completed; its delivery count grows each time. Implementations are thread-safe.
/// </summary>
public interface IMessageQueue : IMessageSender
{
    string Name { get; }

    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default);

    /// <summary>Keeps a message that is still being handled hidden for another <paramref name="visibilityTimeout"/>; the delivery returned holds the receipt that settles it from now on.</summary>
    Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Makes the message visible again after <paramref name="delay"/>, carrying <paramref name="history"/> into its next delivery.</summary>
    Task ReleaseAsync(QueueMessage message, TimeSpan delay, DeliveryHistory history, CancellationToken cancellationToken = default);

    /// <summary>Moves the message, with the reason, to the poison queue and removes it from this one.</summary>
    Task DeadLetterAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default);

    Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default);

    /// <summary>Bodies of up to <paramref name="maxMessages"/> visible messages, without receiving them.</summary>
    Task<IReadOnlyList<string>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default);
}

/// <summary>Where a stage sends its messages: a queue here, a Service Bus sender or output binding in Azure.</summary>
public interface IMessageSender
{
    Task SendAsync(string body, CancellationToken cancellationToken = default);
}

/// <summary>One delivery of a message: <see cref="Receipt"/> identifies this delivery, not the message; <see cref="History"/> is what befell it before.</summary>
public sealed record QueueMessage(string Id, string Body, long DeliveryCount, string Receipt, DeliveryHistory History = default);

/// <summary>What the poison queue holds for a message that was given up on.</summary>
public sealed record DeadLetter(string Queue, string Reason, long DeliveryCount, DateTimeOffset Time, string Body);
