namespace MusicMask.Messaging;

/// <summary>The one place that turns a handler's outcome, or its fault, into what the transport does with the message.</summary>
public sealed class DeliveryPolicy(DeliveryOptions? options = null)
{
    public DeliveryOptions Options { get; } = options ?? new DeliveryOptions();

    public DeliveryDecision Decide(MessageOutcome outcome, DeliveryHistory history) => outcome.Kind switch
    {
        OutcomeKind.Done => DeliveryDecision.Complete,
        OutcomeKind.Rejected => DeadLetter($"rejected: {outcome.Reason}", history),
        _ when history.WaitedSeconds + Clamp(outcome.Delay).TotalSeconds > Options.MaxWaitTime.TotalSeconds =>
            DeadLetter($"still not ready after {history.Waits} waits over {TimeSpan.FromSeconds(Math.Round(history.WaitedSeconds))}: {outcome.Reason}", history),
        _ => new DeliveryDecision(DeliveryAction.Retry, outcome.Reason, Clamp(outcome.Delay), history.AfterWait(Clamp(outcome.Delay))),
    };

    public DeliveryDecision Decide(Exception fault, DeliveryHistory history)
    {
        var reason = $"{fault.GetType().Name}: {fault.Message}";
        var failures = history.Failures + 1;
        return failures >= Options.MaxFailures
            ? DeadLetter($"failed {failures} times, last: {reason}", history)
            : new DeliveryDecision(DeliveryAction.Retry, reason, Clamp(Options.RetryDelay * Math.Pow(2, failures - 1)), history.AfterFailure());
    }

    /// <summary>
    /// Whether earlier deliveries already used the failure budget: deliveries nobody answered (a message that kills
    /// its worker) are counted only when it comes back, so it is given up on before it runs again.
    /// </summary>
    public bool HasFailedTooOften(DeliveryHistory history) => history.Failures >= Options.MaxFailures;

    public DeliveryDecision GiveUp(DeliveryHistory history) => DeadLetter($"gave up after {history.Failures} failed deliveries", history);

    private static DeliveryDecision DeadLetter(string reason, DeliveryHistory history) => new(DeliveryAction.DeadLetter, reason, TimeSpan.Zero, history);

    private TimeSpan Clamp(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Options.MaxRetryDelay ? Options.MaxRetryDelay : delay;
}
