namespace MusicMask.Messaging;

/// <summary>A message to send with a broker-level id (for duplicate detection) and the history it carries.</summary>
public sealed record OutgoingMessage(string MessageId, string Body, DeliveryHistory History);

/// <summary>Sends a message that becomes visible only at a given time (a Service Bus scheduled enqueue).</summary>
public interface IScheduledSender
{
    Task ScheduleAsync(OutgoingMessage message, DateTimeOffset visibleAt, CancellationToken cancellationToken = default);
}

/// <summary>Keeps a message given up on, with the reason, where an operator finds it.</summary>
public interface IDeadLetterStore
{
    Task KeepAsync(DeadLetter letter, string messageId, CancellationToken cancellationToken = default);
}

/// <summary>A broker queue a stage sends to and schedules its retries on.</summary>
public interface IBrokerQueue : IMessageSender, IScheduledSender;
