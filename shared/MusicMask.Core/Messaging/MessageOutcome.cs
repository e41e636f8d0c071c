namespace MusicMask.Messaging;

public enum OutcomeKind
{
    /// <summary>The message is handled; it may go.</summary>
    Done,

    /// <summary>The message came too early (the job is not ready, another worker holds it): bring it back later.</summary>
    RetryLater,

    /// <summary>No retry can fix the message (malformed, unknown schema, a job that does not exist).</summary>
    Rejected,
}

/// <summary>
/// What a stage handler made of one message. Expected results are values, never exceptions: an exception is a
/// fault (storage down, a bug), retried with backoff up to <see cref="DeliveryOptions.MaxFailures"/>.
/// </summary>
public sealed record MessageOutcome(OutcomeKind Kind, string Reason, TimeSpan Delay)
{
    public static MessageOutcome Done { get; } = new(OutcomeKind.Done, "", TimeSpan.Zero);

    public static MessageOutcome RetryLater(TimeSpan delay, string reason) => new(OutcomeKind.RetryLater, reason, delay);

    public static MessageOutcome Rejected(string reason) => new(OutcomeKind.Rejected, reason, TimeSpan.Zero);

    public override string ToString() => Kind == OutcomeKind.Done ? "done" : $"{Kind}: {Reason}";
}
