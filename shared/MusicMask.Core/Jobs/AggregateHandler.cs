using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Pipeline;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Stage 3, the durable aggregator: records each BatchScored (and ingest's batch count) in work/{job}/progress.bin
/// with one read and one conditional write, and when every batch is in, stitches exactly once: the first delivery
/// to see the job complete takes the stitch claim (a conditional create), reads the scores, and publishes
/// results/{name}/. Duplicates, any order and any number of concurrent aggregators give the same single stitch; a
/// claim whose owner died is taken over after <see cref="AggregatorOptions.ClaimTimeout"/>.
/// </summary>
public sealed class AggregateHandler(IBlobStore blobs, AggregatorOptions? options = null, ILogger? logger = null)
{
    private readonly AggregatorOptions _options = options ?? new AggregatorOptions();
    private readonly JobStore _jobs = new(blobs);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken = default)
    {
        if (!TryRead(body, out var jobId, out var update, out var problem))
        {
            return MessageOutcome.Rejected(problem);
        }

        using var scope = JobLogScope.Begin(_logger, jobId);
        var (progress, outcome) = await UpdateProgressAsync(jobId, update, cancellationToken).ConfigureAwait(false);
        return outcome ?? (progress!.IsComplete ? await StitchOnceAsync(jobId, cancellationToken).ConfigureAwait(false) : MessageOutcome.Done);
    }

    private static bool TryRead(string body, out string jobId, out Func<JobProgress, bool> update, out string problem)
    {
        jobId = "";
        update = _ => false;
        if (!MessageCodec.TrySchemaOf(body, out var schema, out problem))
        {
            return false;
        }

        switch (schema)
        {
            case BatchScored.Version1 when MessageCodec.TryDecode<BatchScored>(body, out var scored, out problem):
                (jobId, update) = (scored.JobId, p => p.MarkScored(scored.Batch));
                return true;
            case IngestCompleted.Version1 when MessageCodec.TryDecode<IngestCompleted>(body, out var completed, out problem):
                (jobId, update) = (completed.JobId, p => p.SetBatches(completed.Batches));
                return true;
            case BatchScored.Version1 or IngestCompleted.Version1:
                return false;
            default:
                problem = $"schema \"{schema}\" is not one the aggregator reads";
                return false;
        }
    }

    private async Task<(JobProgress? Progress, MessageOutcome? Outcome)> UpdateProgressAsync(string jobId, Func<JobProgress, bool> update, CancellationToken cancellationToken)
    {
        var name = BlobNames.Progress(jobId);
        for (var attempt = 0; attempt < _options.MaxConflicts; attempt++)
        {
            var blob = await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (blob is null && await _jobs.ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false) is null)
            {
                return (null, MessageOutcome.Rejected($"job {jobId} does not exist (no {BlobNames.Job(jobId)})"));
            }

            var progress = blob is null ? JobProgress.Empty() : JobProgress.Parse(blob.Content);
            bool changed;
            try
            {
                changed = update(progress);
            }
            catch (InvalidDataException error)
            {
                return (null, MessageOutcome.Rejected($"job {jobId}: {error.Message}"));
            }

            if (!changed)
            {
                return (progress, null);
            }

            var written = blob is null
                ? await blobs.TryCreateAsync(name, progress.ToBytes(), cancellationToken).ConfigureAwait(false)
                : await blobs.TryReplaceAsync(name, progress.ToBytes(), blob.ETag, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                return (progress, null);
            }

            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 50)), cancellationToken).ConfigureAwait(false);
        }

        return (null, MessageOutcome.RetryLater(TimeSpan.FromSeconds(1), $"job {jobId}: progress kept changing under {_options.MaxConflicts} attempts"));
    }

    private async Task<MessageOutcome> StitchOnceAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await _jobs.ReadJobForUpdateAsync(jobId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return MessageOutcome.Rejected($"job {jobId} does not exist (no {BlobNames.Job(jobId)})");
        }

        var (job, etag) = found;

        if (job.Status is JobStatus.Complete or JobStatus.Failed)
        {
            return MessageOutcome.Done;
        }

        if (!await ClaimStitchAsync(jobId, cancellationToken).ConfigureAwait(false))
        {
            return (await _jobs.ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false))?.Status is JobStatus.Complete or JobStatus.Failed
                ? MessageOutcome.Done
                : MessageOutcome.RetryLater(_options.ClaimTimeout / 4, $"job {jobId} is being stitched by another aggregator");
        }

        var elapsed = Stopwatch.StartNew();
        await blobs.WriteAsync($"{BlobNames.StitchLog(jobId)}{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}", ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        var files = await StitchAsync(job, elapsed, cancellationToken).ConfigureAwait(false);
        await _jobs.PublishResultsAsync(job.Name, files, cancellationToken).ConfigureAwait(false);
        if (!await _jobs.TryUpdateJobAsync(job with { Status = JobStatus.Complete }, etag, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogWarning("job {JobId} was ended as failed while it was being stitched; it stays failed", jobId);
            return MessageOutcome.Done;
        }

        _logger.LogInformation("job {JobId}: stitched {Batches} batches into results/{Name}/", jobId, job.Batches, job.Name);
        return MessageOutcome.Done;
    }

    /// <summary>Takes the job's stitch claim, or a stale one; false when a live claim belongs to someone else.</summary>
    private async Task<bool> ClaimStitchAsync(string jobId, CancellationToken cancellationToken)
    {
        var name = BlobNames.StitchClaim(jobId);
        var claim = JsonSerializer.SerializeToUtf8Bytes(new StitchClaim(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow), JsonOptions.Compact);
        if (await blobs.TryCreateAsync(name, claim, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var existing = await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        var held = JsonSerializer.Deserialize<StitchClaim>(existing.Content, JsonOptions.Compact);
        if (held is not null && DateTimeOffset.UtcNow - held.Time < _options.ClaimTimeout)
        {
            return false;
        }

        _logger.LogWarning("job {JobId}: taking over a stitch claim from {Claim}", jobId, held);
        return await blobs.TryReplaceAsync(name, claim, existing.ETag, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<(string Name, byte[] Content)>> StitchAsync(JobManifest job, Stopwatch elapsed, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        foreach (var (stage, seconds) in job.IngestSeconds ?? new Dictionary<string, double>())
        {
            clock.AddSeconds(stage, seconds);
        }

        var builder = new ProbabilityMapBuilder();
        var models = new HashSet<ModelInfo>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, job.Batches),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var name = BlobNames.Scores(job.JobId, batch);
                var blob = await blobs.ReadAsync(name, token).ConfigureAwait(false) ?? throw new InvalidDataException($"{name} is missing although batch {batch} was reported scored");
                var (scores, model) = TileCodec.DecodeScores(blob.Content);
                builder.Add(scores);
                lock (models)
                {
                    models.Add(model);
                }
            }).ConfigureAwait(false);
        if (models.Count != 1)
        {
            throw new InvalidDataException($"the job's batches were scored by {models.Count} different models: {string.Join(", ", models)}");
        }

        var tiling = job.Tiling();
        var stored = await blobs.ReadAsync(BlobNames.Preview(job.JobId), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{BlobNames.Preview(job.JobId)} is missing");
        var preview = SpectrogramPreview.FromBytes(stored.Content);
        var map = clock.Time(Stages.Stitch, () => EmptyCells.Gate(builder.Build(tiling.Grid), preview));
        var result = new SegmentationResult(job.Source(), tiling, map, SegmentFinder.Find(map, tiling.DurationSeconds), preview, clock, elapsed);
        return result.RenderFiles(models.Single());
    }

    private sealed record StitchClaim(string Host, int Process, DateTimeOffset Time);
}
