namespace MusicMask.Messaging;

/// <summary>
/// Carries out a dispatcher's decisions on a broker that completes a message when its handler returns and abandons
/// it when the handler throws (a Service Bus trigger with auto-complete). A retry is a copy of the message scheduled
/// for later, carrying its history and a deterministic id (so a repeated schedule after a lost lock is a duplicate
/// the broker drops); a dead letter is kept in <see cref="IDeadLetterStore"/> with its reason. Then the original is
/// completed by returning. The copy's id names the first message and the copy's place in the chain, taken from what
/// the message carried, not from its delivery count, so an original redelivered after a lost lock schedules the
/// same id again and duplicate detection keeps one chain. Only a failure to schedule, to keep or to record the
/// failure for its job escapes as an exception: the broker redelivers, and that delivery counts as a failure.
/// </summary>
public sealed class ScheduledRetries(MessageDispatcher dispatcher, IScheduledSender retries, IDeadLetterStore deadLetters, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<DeliveryDecision> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        var decision = await dispatcher.DispatchAsync(message.MessageId, message.Body, message.History, cancellationToken).ConfigureAwait(false);
        switch (decision.Action)
        {
            case DeliveryAction.Retry:
                var copy = new OutgoingMessage(RetryId(message.MessageId, message.Copy + 1), message.Body, decision.Next);
                await retries.ScheduleAsync(copy, _time.GetUtcNow() + decision.Delay, cancellationToken).ConfigureAwait(false);
                break;
            case DeliveryAction.DeadLetter:
                var letter = new DeadLetter(dispatcher.Queue, decision.Reason, message.DeliveryCount, _time.GetUtcNow(), message.Body);
                await deadLetters.KeepAsync(letter, message.MessageId, cancellationToken).ConfigureAwait(false);
                break;
        }

        return decision;
    }

    /// <summary>The id of retry copy number <paramref name="copy"/> of the message first sent as (or retried from) <paramref name="messageId"/>.</summary>
    public static string RetryId(string messageId, int copy)
    {
        var cut = messageId.IndexOf(RetrySeparator, StringComparison.Ordinal);
        var original = cut < 0 ? messageId : messageId[..cut];
        return $"{original}{RetrySeparator}{copy}";
    }

    private const string RetrySeparator = "~retry-";
}
