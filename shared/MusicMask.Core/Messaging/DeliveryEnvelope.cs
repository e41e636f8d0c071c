using System.Text.Json;
using System.Text.Json.Serialization;
using MusicMask.Outputs;

namespace MusicMask.Messaging;

/// <summary>
/// A message body with its delivery history, for transports whose messages have no properties (storage queues).
/// A body never released travels bare, so what other tools send and peek stays the stage contract itself.
/// </summary>
public static class DeliveryEnvelope
{
    private const string Marker = "{\"musicmask_delivery\":";

    public static string Seal(string body, DeliveryHistory history) =>
        JsonSerializer.Serialize(new Envelope(new Counts(history.Failures, history.Waits, history.WaitedSeconds), body), JsonOptions.Compact);

    public static (string Body, DeliveryHistory History) Open(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return (text, default);
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(text, JsonOptions.Compact);
            return envelope?.Body is null || envelope.Delivery is null
                ? (text, default)
                : (envelope.Body, new DeliveryHistory(Math.Max(0, envelope.Delivery.Failures), Math.Max(0, envelope.Delivery.Waits), Math.Max(0, envelope.Delivery.WaitedSeconds)));
        }
        catch (JsonException)
        {
            return (text, default);
        }
    }

    private sealed record Envelope([property: JsonPropertyName("musicmask_delivery")] Counts? Delivery, [property: JsonPropertyName("body")] string? Body);

    private sealed record Counts([property: JsonPropertyName("failures")] int Failures, [property: JsonPropertyName("waits")] int Waits, [property: JsonPropertyName("waited_seconds")] double WaitedSeconds);
}
