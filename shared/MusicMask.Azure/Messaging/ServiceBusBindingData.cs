using System.Globalization;
using System.Text.Json;

namespace MusicMask.Messaging;

/// <summary>
/// Reads a Service Bus trigger's delivery from the Functions binding data (MessageId, DeliveryCount and
/// ApplicationProperties, the last as a JSON object text), which every version of the worker extension supplies.
/// </summary>
public static class ServiceBusBindingData
{
    public static ReceivedMessage Read(string body, IReadOnlyDictionary<string, object?> bindingData)
    {
        var messageId = Text(bindingData, "MessageId") ?? StableId(body);
        var deliveryCount = long.TryParse(Text(bindingData, "DeliveryCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? Math.Max(1, count) : 1;
        return new ReceivedMessage(messageId, body, deliveryCount, DeliveryProperties.Read(ApplicationProperties(bindingData)));
    }

    /// <summary>Why the broker dead-lettered a message read from a dead-letter sub-queue (its DeadLetterReason and description).</summary>
    public static string DeadLetterReason(IReadOnlyDictionary<string, object?> bindingData)
    {
        var properties = ApplicationProperties(bindingData);
        var reason = properties.GetValueOrDefault("DeadLetterReason") as string ?? "no reason given";
        return properties.GetValueOrDefault("DeadLetterErrorDescription") is string description ? $"{reason}: {description}" : reason;
    }

    private static Dictionary<string, object?> ApplicationProperties(IReadOnlyDictionary<string, object?> bindingData) =>
        Properties(Text(bindingData, "ApplicationProperties") ?? Text(bindingData, "UserProperties"));

    private static string? Text(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static Dictionary<string, object?> Properties(string? json)
    {
        var properties = new Dictionary<string, object?>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return properties;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
        }

        return properties;
    }

    private static string StableId(string body) => Jobs.StageMessageIds.Of(body);
}
