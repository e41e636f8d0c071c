using Microsoft.Extensions.Logging;
using MusicMask.Outputs;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// The job-level reads and writes the stage handlers share: job manifests, results and error records. Whatever
/// writes results/{name}/ holds that folder's claim while it does, so a publish or an error record never
/// interleaves with another upload's under the same name.
/// </summary>
/// <param name="claimTimeout">How long a results folder's claim protects a holder that died (<see cref="AggregatorOptions.ClaimTimeout"/>).</param>
public sealed class JobStore(IBlobStore blobs, TimeSpan? claimTimeout = null, ILogger? logger = null)
{
    private readonly TimeSpan _claimTimeout = claimTimeout ?? new AggregatorOptions().ClaimTimeout;

    public IBlobStore Blobs => blobs;

    public async Task<JobManifest?> ReadJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.ReadAsync(BlobNames.Job(jobId), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : JobManifest.Deserialize(blob.Content);
    }

    /// <summary>The job with the ETag of its job.json, for a write that must not cross another writer.</summary>
    public async Task<(JobManifest Job, string ETag)?> ReadJobForUpdateAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.ReadAsync(BlobNames.Job(jobId), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : (JobManifest.Deserialize(blob.Content), blob.ETag);
    }

    /// <summary>Writes job.json only if nobody wrote it since <paramref name="etag"/>.</summary>
    public Task<bool> TryUpdateJobAsync(JobManifest job, string etag, CancellationToken cancellationToken = default) =>
        blobs.TryReplaceAsync(BlobNames.Job(job.JobId), job.Serialize(), etag, cancellationToken);

    /// <summary>Writes job.json only if the job has none yet.</summary>
    public Task<bool> TryCreateJobAsync(JobManifest job, CancellationToken cancellationToken = default) =>
        blobs.TryCreateAsync(BlobNames.Job(job.JobId), job.Serialize(), cancellationToken);

    public Task WriteJobAsync(JobManifest job, CancellationToken cancellationToken = default) =>
        blobs.WriteAsync(BlobNames.Job(job.JobId), job.Serialize(), cancellationToken);

    /// <summary>
    /// Publishes results/{name}/ for the upload with <paramref name="sourceETag"/>: the old manifest goes first and
    /// the new one last, so a folder with a manifest is always whole; a stale error record and files the new result
    /// does not have are removed. When the folder already holds this upload's results (a stitch repeated after a
    /// stale claim was taken over), the same files are rewritten in place and the manifest is never removed, so a
    /// repeat cut short cannot leave a finished job without one. The folder belongs to the name's current upload:
    /// once this one is replaced or deleted, nothing more is written and the answer is false. The file being
    /// written at that moment still lands, without this upload's manifest, but before the newer upload can take the
    /// folder's claim, so the newer upload's publish replaces it.
    /// </summary>
    public Task<bool> PublishResultsAsync(string name, string sourceETag, IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken cancellationToken = default) =>
        PublishResultsAsync(name, sourceETag, files, [], cancellationToken);

    /// <param name="uploads">Result files too large to hold in memory, uploaded from local paths before the manifest.</param>
    public async Task<bool> PublishResultsAsync(string name, string sourceETag, IReadOnlyList<(string Name, byte[] Content)> files, IReadOnlyList<(string Name, string Path)> uploads, CancellationToken cancellationToken = default)
    {
        // Checked again before every write: a long stitch may be overtaken by a newer upload at any point.
        BlobClaim? claim = null;
        async Task<bool> StillCurrentAsync() =>
            claim?.Lost.IsCancellationRequested != true && await IsCurrentUploadAsync(name, sourceETag, cancellationToken).ConfigureAwait(false);
        claim = await ClaimResultsAsync(name, StillCurrentAsync, cancellationToken).ConfigureAwait(false);
        await using var held = claim;
        if (claim is null)
        {
            return false;
        }

        var manifestBlob = BlobNames.Result(name, ResultFiles.Manifest);
        var current = await blobs.ReadAsync(manifestBlob, cancellationToken).ConfigureAwait(false);
        if (current is null || !ETags.Same(ResultFiles.SourceETagOf(current.Content), sourceETag))
        {
            await blobs.DeleteAsync(manifestBlob, cancellationToken).ConfigureAwait(false);
            await RemoveResultsExceptAsync(name, files.Select(f => f.Name).Concat(uploads.Select(u => u.Name)).ToHashSet(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The same upload stitched again, perhaps by an aggregator with audio outputs set otherwise: audio files
            // the new results do not have must not stay behind, unlisted.
            foreach (var stale in ResultFiles.AudioOutputs.Except(files.Select(f => f.Name).Concat(uploads.Select(u => u.Name))))
            {
                await blobs.DeleteAsync(BlobNames.Result(name, stale), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (file, path) in uploads)
        {
            if (!await StillCurrentAsync().ConfigureAwait(false))
            {
                return false;
            }

            await blobs.UploadFileAsync(BlobNames.Result(name, file), path, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (file, content) in files.Where(f => f.Name != ResultFiles.Manifest).Append(files.Single(f => f.Name == ResultFiles.Manifest)))
        {
            if (!await StillCurrentAsync().ConfigureAwait(false))
            {
                return false;
            }

            await blobs.WriteAsync(BlobNames.Result(name, file), content, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Leaves results/{name}/ holding only an error record: for a source whose job could not even start.</summary>
    public Task RecordSourceFailureAsync(string container, string name, string stage, string reason, CancellationToken cancellationToken = default) =>
        RecordSourceFailureAsync(container, name, null, stage, reason, cancellationToken);

    /// <param name="etag">When set, the record is written only while the upload with this ETag is the name's current one.</param>
    private async Task RecordSourceFailureAsync(string container, string name, string? etag, string stage, string reason, CancellationToken cancellationToken)
    {
        Task<bool> StillWantedAsync() => etag is null ? Task.FromResult(true) : IsCurrentUploadAsync(name, etag, cancellationToken);
        await using var claim = await ClaimResultsAsync(name, StillWantedAsync, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return;
        }

        var record = new ErrorRecord($"{container}/{name}", stage, reason, DateTimeOffset.UtcNow);
        await RemoveResultsExceptAsync(name, new HashSet<string> { ResultFiles.Error }, cancellationToken).ConfigureAwait(false);
        await blobs.WriteAsync(BlobNames.Result(name, ResultFiles.Error), ResultFiles.Serialize(record), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends an upload whose name cannot be used (unlistable, or unsafe as a blob path): a failed job.json, so
    /// status shows it, and an error record under results/.rejected-names/{job}/, since its own name cannot hold one.
    /// </summary>
    public async Task RecordRejectedNameAsync(string container, string name, string etag, string reason, CancellationToken cancellationToken = default)
    {
        var jobId = JobIds.For(container, name, etag);
        var record = new ErrorRecord($"{container}/{BlobNames.Printable(name)}", "watch", reason, DateTimeOffset.UtcNow);
        await blobs.WriteAsync(BlobNames.RejectedName(jobId), ResultFiles.Serialize(record), cancellationToken).ConfigureAwait(false);
        await WriteJobAsync(
            new JobManifest
            {
                JobId = jobId, Container = container, Name = name, ETag = etag, Bytes = 0, Created = DateTimeOffset.UtcNow,
                Status = JobStatus.Failed, Error = $"watch: {reason}",
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a failure for the job a dead-lettered message belongs to, when the message names one that exists.
    /// A finished job is never changed, nor one a stitch holds unless <paramref name="stitchFailed"/> (the
    /// aggregation message itself gave up): job.json turns Failed only by a conditional write over an Ingesting or
    /// Tiled job, so a stitch that takes the job meanwhile wins. results/{name}/ gets the error record only while
    /// the job is its name's current upload; a newer upload owns that folder.
    /// </summary>
    public async Task RecordFailureAsync(string? jobId, string stage, string reason, bool stitchFailed = false, CancellationToken cancellationToken = default)
    {
        if (JobIds.Problem(jobId) is not null)
        {
            return;
        }

        var failed = await TryFailAsync(
            jobId!,
            job => job.Status is not (JobStatus.Complete or JobStatus.Failed) && (job.Status is not JobStatus.Stitching || stitchFailed),
            _ => $"{stage}: {reason}",
            cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            await RecordSourceFailureAsync(failed.Container, failed.Name, failed.ETag, stage, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Turns the job Failed with the error <paramref name="errorOf"/> gives, by a conditional write over job.json
    /// as read, read again and retried after another writer while <paramref name="mayFail"/> still holds; the job
    /// as failed, or null when it may not fail (or does not exist).
    /// </summary>
    public async Task<JobManifest?> TryFailAsync(string jobId, Func<JobManifest, bool> mayFail, Func<JobManifest, string> errorOf, CancellationToken cancellationToken = default)
    {
        while (await ReadJobForUpdateAsync(jobId, cancellationToken).ConfigureAwait(false) is { } found && mayFail(found.Job))
        {
            var failed = found.Job with { Status = JobStatus.Failed, Error = errorOf(found.Job) };
            if (await TryUpdateJobAsync(failed, found.ETag, cancellationToken).ConfigureAwait(false))
            {
                return failed;
            }
        }

        return null;
    }

    /// <summary>
    /// Deletes a job's tiles, scores and preview, which only its stitch reads; job.json and the stitch log stay as
    /// the job's record.
    /// </summary>
    public async Task DeleteIntermediatesAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var names = new List<string> { BlobNames.Preview(jobId) };
        foreach (var prefix in new[] { BlobNames.TilesPrefix(jobId), BlobNames.ScoresPrefix(jobId) })
        {
            await foreach (var blob in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                if (blob.Problem is null)
                {
                    names.Add(blob.Name);
                }
            }
        }

        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (name, token) => await blobs.DeleteAsync(name, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the job's upload is still the one under its name. results/{name}/ belongs to that upload alone: once
    /// it is replaced or deleted, a newer upload may have published there (and been deleted in turn).
    /// </summary>
    public Task<bool> IsCurrentUploadAsync(JobManifest job, CancellationToken cancellationToken = default) =>
        IsCurrentUploadAsync(job.Name, job.ETag, cancellationToken);

    private async Task<bool> IsCurrentUploadAsync(string name, string etag, CancellationToken cancellationToken) =>
        await blobs.GetInfoAsync(BlobNames.Audio(name), cancellationToken).ConfigureAwait(false) is { } upload && ETags.Same(upload.ETag, etag);

    /// <summary>
    /// Takes results/{name}/'s claim, waiting while another writer holds it (a publish under way stops at its next
    /// file once its upload is replaced; a dead holder's claim lapses after the timeout); null once
    /// <paramref name="stillWanted"/> says the write is no longer wanted.
    /// </summary>
    private async Task<BlobClaim?> ClaimResultsAsync(string name, Func<Task<bool>> stillWanted, CancellationToken cancellationToken)
    {
        while (await stillWanted().ConfigureAwait(false))
        {
            if (await BlobClaim.TryTakeAsync(blobs, BlobNames.ResultsClaim(name), _claimTimeout, logger, cancellationToken).ConfigureAwait(false) is { } claim)
            {
                var wanted = false;
                try
                {
                    wanted = await stillWanted().ConfigureAwait(false);
                    return wanted ? claim : null;
                }
                finally
                {
                    if (!wanted)
                    {
                        await claim.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            await Task.Delay(ClaimPollInterval, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private TimeSpan ClaimPollInterval => TimeSpan.FromTicks(Math.Clamp(_claimTimeout.Ticks / 20, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 5));

    private async Task RemoveResultsExceptAsync(string name, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        var prefix = BlobNames.ResultPrefix(name);
        var stale = new List<string>();
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var file = blob.Name[prefix.Length..];
            if (!file.Contains('/') && !keep.Contains(file))
            {
                stale.Add(blob.Name);
            }
        }

        foreach (var blob in stale)
        {
            await blobs.DeleteAsync(blob, cancellationToken).ConfigureAwait(false);
        }
    }
}
