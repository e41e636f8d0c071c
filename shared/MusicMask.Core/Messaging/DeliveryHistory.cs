namespace MusicMask.Messaging;

/// <summary>
/// What happened to a message before this delivery: deliveries that failed (a fault, a crash, a lost lock),
/// deliveries that were told to come back later, and how long those waits were. Transports carry it with the
/// message, each in its own terms.
/// </summary>
public readonly record struct DeliveryHistory(int Failures, int Waits, double WaitedSeconds = 0)
{
    public static DeliveryHistory First => default;

    /// <summary>The history seen by a transport that counts deliveries: any delivery not accounted for as a wait or a recorded failure ended without an answer, so it failed.</summary>
    public static DeliveryHistory FromDeliveryCount(long deliveryCount, DeliveryHistory recorded) =>
        recorded with { Failures = recorded.Failures + (int)Math.Max(0, deliveryCount - 1 - recorded.Failures - recorded.Waits) };

    public DeliveryHistory AfterFailure() => this with { Failures = Failures + 1 };

    public DeliveryHistory AfterWait(TimeSpan delay) => this with { Waits = Waits + 1, WaitedSeconds = WaitedSeconds + delay.TotalSeconds };
}
