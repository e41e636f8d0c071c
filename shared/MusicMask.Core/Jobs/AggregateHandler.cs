using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Embedded;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Stage 3, the aggregator. Each scored tile leaves its scores blob, and that blob is the only record of it: no
/// message and no shared write per tile. One IngestCompleted per job comes here and keeps coming back: each
/// delivery lists work/{job}/scores/ (one listing page per 5,000 tiles), and until every tile is in it answers
/// "retry later" after a time that shrinks with the tiles still outstanding (<see cref="AggregatorOptions.NextCheck"/>). When every
/// tile is in, the delivery stitches exactly once: it takes the stitch claim (a conditional create), reads the
/// scores, and publishes results/{name}/, renewing the claim while it runs (<see cref="BlobClaim"/>). A claim whose
/// owner died is taken over after <see cref="AggregatorOptions.ClaimTimeout"/>. Once the job is Complete (or
/// superseded by a newer upload), its tiles, scores and preview are deleted, by the stitch and again by any later
/// delivery, so a deletion cut short is finished by the next one.
/// </summary>
public sealed class AggregateHandler(IBlobStore blobs, AggregatorOptions? options = null, ILogger? logger = null)
{
    /// <summary>Blob times are whole seconds in listings, so a rate is trusted only over a few of them.</summary>
    private const double MinRateSpan = 3;

    private readonly AggregatorOptions _options = options ?? new AggregatorOptions();
    private readonly JobStore _jobs = new(blobs, options?.ClaimTimeout, logger);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken = default)
    {
        if (!MessageCodec.TryDecode<IngestCompleted>(body, out var completed, out var problem))
        {
            return MessageOutcome.Rejected(problem);
        }

        using var scope = JobLogScope.Begin(_logger, completed.JobId);
        if (await _jobs.ReadJobForUpdateAsync(completed.JobId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return MessageOutcome.Rejected($"job {completed.JobId} does not exist (no {BlobNames.Job(completed.JobId)})");
        }

        var (job, etag) = found;
        if (job.Status is JobStatus.Complete)
        {
            await DeleteIntermediatesAsync(job.JobId, cancellationToken).ConfigureAwait(false);
            return MessageOutcome.Done;
        }

        if (job.Status is JobStatus.Failed)
        {
            return MessageOutcome.Done;
        }

        if (job.Tiles != completed.Tiles)
        {
            return MessageOutcome.Rejected($"job {job.JobId} has {job.Tiles} tiles, the message says {completed.Tiles}");
        }

        var scored = await ScoredTilesAsync(job, cancellationToken).ConfigureAwait(false);
        return scored.Count < job.Tiles
            ? MessageOutcome.RetryLater(_options.NextCheck(job.Tiles - scored.Count, scored.Rate, DateTimeOffset.UtcNow - job.Created), $"{scored.Count} of {job.Tiles} tiles scored")
            : await StitchOnceAsync(job, etag, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ScoredTiles> ScoredTilesAsync(JobManifest job, CancellationToken cancellationToken)
    {
        var prefix = BlobNames.ScoresPrefix(job.JobId);
        var count = 0;
        var first = DateTimeOffset.MaxValue;
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (int.TryParse(blob.Name.AsSpan(prefix.Length), out var tile) && tile >= 0 && tile < job.Tiles)
            {
                count++;
                first = blob.LastModified < first ? blob.LastModified : first;
            }
        }

        var seconds = count > 1 ? (DateTimeOffset.UtcNow - first).TotalSeconds : 0;
        return new ScoredTiles(count, seconds >= MinRateSpan ? (count - 1) / seconds : 0);
    }

    private async Task<MessageOutcome> StitchOnceAsync(JobManifest job, string etag, CancellationToken cancellationToken)
    {
        var jobId = job.JobId;
        await using var claim = await BlobClaim.TryTakeAsync(blobs, BlobNames.StitchClaim(jobId), _options.ClaimTimeout, _logger, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return (await _jobs.ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false))?.Status is JobStatus.Complete or JobStatus.Failed
                ? MessageOutcome.Done
                : MessageOutcome.RetryLater(_options.ClaimTimeout / 4, $"job {jobId} is being stitched by another aggregator");
        }

        if (!await _jobs.TryUpdateJobAsync(job with { Status = JobStatus.Stitching }, etag, cancellationToken).ConfigureAwait(false) ||
            await _jobs.ReadJobForUpdateAsync(jobId, cancellationToken).ConfigureAwait(false) is not { Job.Status: JobStatus.Stitching } stitching)
        {
            return MessageOutcome.RetryLater(_options.MinCheckInterval, $"job {jobId} changed while its stitch was being claimed");
        }

        return await StitchClaimedAsync(job, stitching.ETag, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MessageOutcome> StitchClaimedAsync(JobManifest job, string etag, CancellationToken cancellationToken)
    {
        var jobId = job.JobId;
        if (!await _jobs.IsCurrentUploadAsync(job, cancellationToken).ConfigureAwait(false))
        {
            return await EndSupersededAsync(job, etag, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = Stopwatch.StartNew();
        await blobs.WriteAsync($"{BlobNames.StitchLog(jobId)}{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}", ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        var audioFolder = _options.Audio ? Directory.CreateTempSubdirectory("musicmask-audio-") : null;
        try
        {
            var files = await StitchAsync(job, elapsed, audioFolder?.FullName, cancellationToken).ConfigureAwait(false);
            var streamed = audioFolder is null ? [] : new[] { ResultFiles.Music, ResultFiles.Remainder }.Select(name => (name, Path.Combine(audioFolder.FullName, name))).ToArray();
            if (!await _jobs.PublishResultsAsync(job.Name, job.ETag, files, streamed, cancellationToken).ConfigureAwait(false))
            {
                return await EndSupersededAsync(job, etag, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            DeleteQuietly(audioFolder);
        }

        if (!await _jobs.TryUpdateJobAsync(job with { Status = JobStatus.Complete }, etag, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogWarning("job {JobId} was ended while it was being stitched; it stays as it was ended", jobId);
            return MessageOutcome.Done;
        }

        _logger.LogInformation("job {JobId}: stitched {Tiles} tiles into results/{Name}/", jobId, job.Tiles, job.Name);
        await DeleteIntermediatesAsync(jobId, cancellationToken).ConfigureAwait(false);
        return MessageOutcome.Done;
    }

    /// <summary>
    /// Ends a job whose upload was replaced or deleted before its results were published: results/{name}/ belongs
    /// to the name's current upload, so only job.json says what happened.
    /// </summary>
    private async Task<MessageOutcome> EndSupersededAsync(JobManifest job, string etag, CancellationToken cancellationToken)
    {
        var reason = $"stitch: {job.Container}/{job.Name} was replaced or deleted before this job's results were published; results/{job.Name}/ belongs to the name's current upload";
        if (await _jobs.TryUpdateJobAsync(job with { Status = JobStatus.Failed, Error = reason }, etag, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogWarning("job {JobId}: {Reason}", job.JobId, reason);
            await DeleteIntermediatesAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _logger.LogWarning("job {JobId} was ended while it was being stitched; it stays as it was ended", job.JobId);
        }

        return MessageOutcome.Done;
    }

    /// <summary>
    /// Deletes the tiles, scores and preview of a job that is done with them. A failure is only logged: the job's
    /// outcome is already written, retrying would count against the message and could dead-letter a finished job,
    /// and the lifecycle rule on work/ removes what is left.
    /// </summary>
    private async Task DeleteIntermediatesAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await _jobs.DeleteIntermediatesAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogWarning(error, "job {JobId}: could not delete its tiles and scores; the lifecycle rule on work/ will", jobId);
        }
    }

    /// <summary>Removes a temporary folder without letting a failure to remove it hide the error that ended the stitch.</summary>
    private void DeleteQuietly(DirectoryInfo? folder)
    {
        try
        {
            folder?.Delete(recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("could not remove {Folder}: {Reason}", folder!.FullName, error.Message);
        }
    }

    /// <param name="audioFolder">Where music.wav and remainder.wav are written, when results hold them.</param>
    private async Task<IReadOnlyList<(string Name, byte[] Content)>> StitchAsync(JobManifest job, Stopwatch elapsed, string? audioFolder, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        foreach (var (stage, seconds) in job.IngestSeconds ?? new Dictionary<string, double>())
        {
            clock.AddSeconds(stage, seconds);
        }

        var tiles = new ConcurrentBag<WindowScores>();
        var models = new HashSet<(ModelInfo Model, TimeContext? TimeContext)>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, job.Tiles),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var name = BlobNames.Scores(job.JobId, batch);
                var blob = await blobs.ReadAsync(name, token).ConfigureAwait(false) ?? throw new InvalidDataException($"{name} is missing although batch {batch} was reported scored");
                var (scores, model, timeContext) = TileCodec.DecodeScores(blob.Content);
                tiles.Add(scores);
                lock (models)
                {
                    models.Add((model, timeContext));
                }
            }).ConfigureAwait(false);
        if (models.Count != 1)
        {
            throw new InvalidDataException($"the job's tiles were scored by {models.Count} different models or time contexts: {string.Join("; ", models.Select(m => $"{m.Model.Name} {m.Model.Version} {m.Model.Sha256}, time context {m.TimeContext?.ToProperty() ?? "none"}"))}");
        }

        var (scoredBy, context) = models.Single();
        var builder = new ProbabilityMapBuilder(context);
        foreach (var scores in tiles)
        {
            builder.Add(scores);
        }

        var tiling = job.Tiling();
        var stored = await blobs.ReadAsync(BlobNames.Preview(job.JobId), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{BlobNames.Preview(job.JobId)} is missing");
        var preview = SpectrogramPreview.FromBytes(stored.Content);
        var map = clock.Time(Stages.Stitch, () => EmptyCells.Gate(builder.Build(tiling.Grid), preview));
        using var audio = audioFolder is null ? null : await SeparationAsync(job, map, preview, clock, cancellationToken).ConfigureAwait(false);
        var result = new SegmentationResult(job.Source(), tiling, map, SegmentFinder.Find(map, tiling.DurationSeconds), preview, clock, elapsed, audio);
        return result.RenderFiles(scoredBy, audioFolder is null ? null : name => File.Create(Path.Combine(audioFolder, name)));
    }

    private async Task<AudioSeparation> SeparationAsync(JobManifest job, ProbabilityMap map, SpectrogramPreview preview, StageClock clock, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var signal = await TileSignal.SpoolAsync(blobs, job, cancellationToken).ConfigureAwait(false);
        clock.AddSeconds(Stages.Separate, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return AudioSeparation.Prepare(signal, map, preview, _options.AudioThreads, clock);
    }

    /// <summary>How many of a job's tiles have scores, and how many a second arrived from the first until now.</summary>
    private readonly record struct ScoredTiles(int Count, double Rate);
}
