namespace MusicMask.Messaging;

public enum DeliveryAction
{
    /// <summary>Remove the message: it is handled.</summary>
    Complete,

    /// <summary>Bring the message back after <see cref="DeliveryDecision.Delay"/> with <see cref="DeliveryDecision.Next"/> as its history.</summary>
    Retry,

    /// <summary>Move the message, with <see cref="DeliveryDecision.Reason"/>, to the dead letters; its job is recorded as failed.</summary>
    DeadLetter,
}

/// <summary>What the transport must do with one delivery.</summary>
public sealed record DeliveryDecision(DeliveryAction Action, string Reason, TimeSpan Delay, DeliveryHistory Next)
{
    public static DeliveryDecision Complete { get; } = new(DeliveryAction.Complete, "", TimeSpan.Zero, default);
}
