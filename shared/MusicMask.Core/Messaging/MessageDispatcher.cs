using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MusicMask.Messaging;

/// <summary>Handles one message body for a stage and answers what the transport does next.</summary>
public delegate Task<MessageOutcome> MessageHandler(string body, CancellationToken cancellationToken);

/// <summary>Records a dead-lettered message for its job: (stage, body, reason).</summary>
public delegate Task DeadLetterHandler(string body, string reason, CancellationToken cancellationToken);

/// <summary>
/// Runs a stage handler on one delivery and decides, through <see cref="DeliveryPolicy"/>, what happens to the
/// message; a dead letter is recorded for its job before the transport moves it. Every transport (local queues,
/// Service Bus) goes through this, so retry and poison rules exist once.
/// </summary>
public sealed class MessageDispatcher(string queue, MessageHandler handle, DeliveryPolicy policy, DeadLetterHandler? onDeadLetter = null, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Queue => queue;

    /// <summary>
    /// The decision for this delivery. Throws when <paramref name="cancellationToken"/> stops the host mid-message,
    /// or when a dead letter's failure could not be recorded for its job: either way the message is left unsettled
    /// to its transport's redelivery, which gives up again and records again, so no job is left unfinished without
    /// its error record while the message is gone.
    /// </summary>
    public async Task<DeliveryDecision> DispatchAsync(string messageId, string body, DeliveryHistory history, CancellationToken cancellationToken = default)
    {
        DeliveryDecision decision;
        try
        {
            decision = policy.HasFailedTooOften(history)
                ? policy.GiveUp(history)
                : policy.Decide(await handle(body, cancellationToken).ConfigureAwait(false), history);
        }
        catch (Exception fault) when (fault is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            decision = policy.Decide(fault, history);
            _logger.LogWarning(fault, "{Queue} message {Id} failed ({Failures} earlier failures)", queue, messageId, history.Failures);
        }

        switch (decision.Action)
        {
            case DeliveryAction.Retry:
                // A wait is routine (an aggregation check comes back until its tiles are in); a fault was already logged.
                _logger.LogDebug("{Queue} message {Id}: {Reason}; back in {Delay}", queue, messageId, decision.Reason, decision.Delay);
                break;
            case DeliveryAction.DeadLetter:
                _logger.LogError("{Queue} message {Id} dead-lettered: {Reason}", queue, messageId, decision.Reason);
                await RecordAsync(messageId, body, decision.Reason, cancellationToken).ConfigureAwait(false);
                break;
        }

        return decision;
    }

    private async Task RecordAsync(string messageId, string body, string reason, CancellationToken cancellationToken)
    {
        if (onDeadLetter is null)
        {
            return;
        }

        try
        {
            await onDeadLetter(body, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogError(error, "{Queue} message {Id}: could not record the failure for its job; the message stays for its next delivery", queue, messageId);
            throw;
        }
    }
}
