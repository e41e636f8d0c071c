using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>One line of `musicmask status`.</summary>
public sealed record JobStatusLine(string JobId, string Name, JobStatus Status, int Scored, int Tiles, DateTimeOffset Created, string? Error);

public static class JobStatusReport
{
    /// <summary>Every job under work/, oldest first, with its progress: one folder listing, a read and a listing per job.</summary>
    public static async Task<IReadOnlyList<JobStatusLine>> ReadAsync(IBlobStore blobs, CancellationToken cancellationToken = default)
    {
        var lines = new List<JobStatusLine>();
        await foreach (var folder in blobs.ListFoldersAsync($"{BlobNames.WorkContainer}/", cancellationToken).ConfigureAwait(false))
        {
            var jobId = folder.Split('/')[1];
            if (JobIds.Problem(jobId) is not null)
            {
                continue;
            }

            if (await ReadAsync(blobs, jobId, cancellationToken).ConfigureAwait(false) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines.OrderBy(l => l.Created).ToList();
    }

    /// <summary>One job's state and progress (a read and a listing of its scores), or null when it does not exist.</summary>
    public static async Task<JobStatusLine?> ReadAsync(IBlobStore blobs, string jobId, CancellationToken cancellationToken = default)
    {
        var job = await new JobStore(blobs).ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return null;
        }

        var scored = 0;
        if (job.Status is not JobStatus.Complete)
        {
            await foreach (var unused in blobs.ListAsync(BlobNames.ScoresPrefix(jobId), cancellationToken).ConfigureAwait(false))
            {
                scored++;
            }
        }

        return new JobStatusLine(job.JobId, job.Name, job.Status, job.Status is JobStatus.Complete ? job.Tiles : scored, job.Tiles, job.Created, job.Error);
    }
}
