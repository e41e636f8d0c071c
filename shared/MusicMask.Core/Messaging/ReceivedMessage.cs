namespace MusicMask.Messaging;

/// <summary>
/// One delivery from a broker that carries properties with each message (Service Bus): its id, body, the broker's
/// delivery count and the history a retried copy brought along in <see cref="DeliveryProperties"/>.
/// </summary>
public sealed record ReceivedMessage(string MessageId, string Body, long DeliveryCount, DeliveryHistory Recorded)
{
    /// <summary>Failures include deliveries the broker counted but nobody answered (a crash, a lost lock).</summary>
    public DeliveryHistory History => DeliveryHistory.FromDeliveryCount(DeliveryCount, Recorded);
}

/// <summary>The application properties in which a retried copy carries its <see cref="DeliveryHistory"/>.</summary>
public static class DeliveryProperties
{
    public const string Failures = "musicmask-failures";
    public const string Waits = "musicmask-waits";

    public static IReadOnlyDictionary<string, object> Of(DeliveryHistory history) =>
        new Dictionary<string, object> { [Failures] = history.Failures, [Waits] = history.Waits };

    /// <summary>The history in <paramref name="properties"/>; absent or unreadable counts are zero.</summary>
    public static DeliveryHistory Read(IReadOnlyDictionary<string, object?> properties) => new(Count(properties, Failures), Count(properties, Waits));

    private static int Count(IReadOnlyDictionary<string, object?> properties, string key) =>
        properties.TryGetValue(key, out var value) && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var count) && count > 0 ? count : 0;
}
