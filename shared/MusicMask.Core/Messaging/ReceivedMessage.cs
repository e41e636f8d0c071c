namespace MusicMask.Messaging;

/// <summary>
/// One delivery from a broker that carries properties with each message (Service Bus): its id, body, the broker's
/// delivery count and the history a retried copy brought along in <see cref="DeliveryProperties"/>.
/// </summary>
public sealed record ReceivedMessage(string MessageId, string Body, long DeliveryCount, DeliveryHistory Recorded)
{
    /// <summary>
    /// What the copy carried, plus this copy's own deliveries nobody answered (a crash, a lost lock): a retried copy
    /// is a new message, so the broker's delivery count starts again at 1 for it.
    /// </summary>
    public DeliveryHistory History => Recorded with { Failures = Recorded.Failures + (int)Math.Max(0, DeliveryCount - 1) };

    /// <summary>Which copy this is: 0 for the message first sent, then one more for each scheduled retry.</summary>
    public int Copy => Recorded.Failures + Recorded.Waits;
}

/// <summary>The application properties in which a retried copy carries its <see cref="DeliveryHistory"/>.</summary>
public static class DeliveryProperties
{
    public const string Failures = "musicmask-failures";
    public const string Waits = "musicmask-waits";
    public const string WaitedSeconds = "musicmask-waited-seconds";

    public static IReadOnlyDictionary<string, object> Of(DeliveryHistory history) =>
        new Dictionary<string, object> { [Failures] = history.Failures, [Waits] = history.Waits, [WaitedSeconds] = history.WaitedSeconds };

    /// <summary>The history in <paramref name="properties"/>; absent or unreadable counts are zero.</summary>
    public static DeliveryHistory Read(IReadOnlyDictionary<string, object?> properties) =>
        new(Count(properties, Failures), Count(properties, Waits), Seconds(properties, WaitedSeconds));

    private static double Seconds(IReadOnlyDictionary<string, object?> properties, string key) =>
        properties.TryGetValue(key, out var value) &&
        double.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) &&
        double.IsFinite(seconds) && seconds > 0 ? seconds : 0;

    private static int Count(IReadOnlyDictionary<string, object?> properties, string key) =>
        properties.TryGetValue(key, out var value) && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var count) && count > 0 ? count : 0;
}
