using System.Text.Json;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Turns a message given up on into its job's error record (results/{name}/error.json), when the message says
/// which job or source it was for. A message too broken to say so is only dead-lettered.
/// </summary>
public sealed class DeadLetterRecorder(IBlobStore blobs)
{
    private readonly JobStore _jobs = new(blobs);

    public async Task RecordAsync(string stage, string body, string reason, CancellationToken cancellationToken = default)
    {
        var (jobId, container, name) = Identify(body);
        if (jobId is not null)
        {
            await _jobs.RecordFailureAsync(jobId, stage, reason, cancellationToken).ConfigureAwait(false);
        }
        else if (container == BlobNames.AudioContainer && name is not null && BlobNames.IsSafe(name))
        {
            await _jobs.RecordSourceFailureAsync(container, name, stage, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string? JobId, string? Container, string? Name) Identify(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? (null, null, null)
                : (Text(root, "job_id"), Text(root, "container"), Text(root, "name"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
