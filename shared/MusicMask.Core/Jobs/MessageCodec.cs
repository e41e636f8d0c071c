using System.Text.Json;
using MusicMask.Messaging;
using MusicMask.Outputs;

namespace MusicMask.Jobs;

/// <summary>Writes stage messages, and reads them strictly: anything but a consistent message of a known schema is rejected with the reason.</summary>
public static class MessageCodec
{
    public const int MaxBytes = 64 * 1024;

    public static string Encode<T>(T message)
        where T : IStageMessage => JsonSerializer.Serialize(message, JsonOptions.Compact);

    public static T Decode<T>(string body)
        where T : IStageMessage
    {
        var schema = SchemaOf(body);
        var expected = T.CurrentSchema;
        if (schema != expected)
        {
            throw new MessageRejectedException($"schema \"{schema}\" is not {expected}");
        }

        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(body, JsonOptions.Strict);
        }
        catch (JsonException error)
        {
            throw new MessageRejectedException($"not a valid {schema} message: {error.Message}", error);
        }

        var problem = message is null ? "the message is null" : message.Problem();
        return problem is null ? message! : throw new MessageRejectedException($"{schema}: {problem}");
    }

    /// <summary>The "schema" member of a JSON object message.</summary>
    public static string SchemaOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new MessageRejectedException("the message is empty");
        }

        if (body.Length > MaxBytes)
        {
            throw new MessageRejectedException($"the message is {body.Length} characters, more than {MaxBytes}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("schema", out var schema) &&
                   schema.ValueKind == JsonValueKind.String
                ? schema.GetString()!
                : throw new MessageRejectedException("the message has no \"schema\" string");
        }
        catch (JsonException error)
        {
            throw new MessageRejectedException($"the message is not JSON: {error.Message}", error);
        }
    }
}
