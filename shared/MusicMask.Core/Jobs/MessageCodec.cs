using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MusicMask.Outputs;

namespace MusicMask.Jobs;

/// <summary>Writes stage messages, and reads them strictly: anything but a consistent message of a known schema is refused with the reason.</summary>
public static class MessageCodec
{
    public const int MaxBytes = 64 * 1024;

    public static string Encode<T>(T message)
        where T : IStageMessage => JsonSerializer.Serialize(message, JsonOptions.Compact);

    /// <summary>The message, or false with <paramref name="problem"/> saying why the body is not one.</summary>
    public static bool TryDecode<T>(string body, [NotNullWhen(true)] out T? message, out string problem)
        where T : class, IStageMessage
    {
        message = null;
        if (!TrySchemaOf(body, out var schema, out problem))
        {
            return false;
        }

        if (schema != T.CurrentSchema)
        {
            problem = $"schema \"{schema}\" is not {T.CurrentSchema}";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize<T>(body, JsonOptions.Strict);
        }
        catch (JsonException error)
        {
            problem = $"not a valid {schema} message: {error.Message}";
            return false;
        }

        var inconsistency = message is null ? "the message is null" : message.Problem();
        if (message is null || inconsistency is not null)
        {
            message = null;
            problem = $"{schema}: {inconsistency}";
            return false;
        }

        return true;
    }

    /// <summary>Decodes a message that must be valid (one this process made); throws <see cref="InvalidDataException"/> otherwise.</summary>
    public static T Decode<T>(string body)
        where T : class, IStageMessage =>
        TryDecode<T>(body, out var message, out var problem) ? message : throw new InvalidDataException(problem);

    /// <summary>The "schema" member of a JSON object message, or false with <paramref name="problem"/>.</summary>
    public static bool TrySchemaOf(string body, out string schema, out string problem)
    {
        schema = "";
        problem = "";
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = "the message is empty";
            return false;
        }

        if (body.Length > MaxBytes)
        {
            problem = $"the message is {body.Length} characters, more than {MaxBytes}";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("schema", out var value) &&
                value.ValueKind == JsonValueKind.String)
            {
                schema = value.GetString()!;
                return true;
            }

            problem = "the message has no \"schema\" string";
            return false;
        }
        catch (JsonException error)
        {
            problem = $"the message is not JSON: {error.Message}";
            return false;
        }
    }
}
