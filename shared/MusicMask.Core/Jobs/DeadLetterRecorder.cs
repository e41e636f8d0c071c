using System.Text.Json;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Turns a message given up on into its job's error record (results/{name}/error.json), when the message says
/// which job or source it was for. A message too broken to say so is only dead-lettered. A tile whose scores are
/// already stored (another copy of its message got through) fails nothing, nor does anything for a job that has
/// finished (its scores are deleted once it is complete).
/// </summary>
public sealed class DeadLetterRecorder(IBlobStore blobs)
{
    private readonly JobStore _jobs = new(blobs);

    public async Task RecordAsync(string stage, string body, string reason, CancellationToken cancellationToken = default)
    {
        var (jobId, container, name, etag) = Identify(body);
        if (jobId is not null)
        {
            if (MessageCodec.TryDecode<ScoreTile>(body, out var tile, out _) &&
                await blobs.GetInfoAsync(BlobNames.Scores(tile.JobId, tile.Tile), cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            var stitchFailed = MessageCodec.TryDecode<IngestCompleted>(body, out _, out _);
            await _jobs.RecordFailureAsync(jobId, stage, reason, stitchFailed, cancellationToken).ConfigureAwait(false);
        }
        else if (container == BlobNames.AudioContainer && name is not null)
        {
            await RecordIngestFailureAsync(container, name, etag, stage, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An ingest request given up on: its job (by the upload's current ETag) ends failed, unless it already finished.</summary>
    private async Task RecordIngestFailureAsync(string container, string name, string? etag, string stage, string reason, CancellationToken cancellationToken)
    {
        if (!BlobNames.IsSafe(name))
        {
            await _jobs.RecordRejectedNameAsync(container, name, etag ?? "", reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        etag = (await blobs.GetInfoAsync(BlobNames.Audio(name), cancellationToken).ConfigureAwait(false))?.ETag ?? etag;
        var job = etag is null ? null : await _jobs.ReadJobAsync(JobIds.For(container, name, etag), cancellationToken).ConfigureAwait(false);
        switch (job?.Status)
        {
            case JobStatus.Complete or JobStatus.Failed:
                return;
            case null:
                await _jobs.RecordSourceFailureAsync(container, name, stage, reason, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await _jobs.RecordFailureAsync(job.JobId, stage, reason, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private static (string? JobId, string? Container, string? Name, string? ETag) Identify(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? (null, null, null, null)
                : (Text(root, "job_id"), Text(root, "container"), Text(root, "name"), Text(root, "e_tag"));
        }
        catch (JsonException)
        {
            return (null, null, null, null);
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
