using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Audio;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Stage 1: audio blob -> work/{job}/tiles/{i} + one ScoreTile per tile, sent as soon as the tile is stored, then
/// work/{job}/preview.bin, the sealed job.json and an IngestCompleted for the aggregator. The audio is copied to a
/// temporary file and streamed from there, so memory stays bounded for any length. A file that cannot be decoded
/// ends its job at once with results/{name}/error.json; a repeated request for a job already tiled does nothing.
/// </summary>
public sealed class IngestHandler(IBlobStore blobs, IMessageSender tileQueue, IMessageSender aggregation, ILogger? logger = null)
{
    /// <summary>
    /// Window columns per stored tile. A tile is kept as its signal, overlap included, so the overlap's share of the
    /// bytes falls as tiles grow: 256 columns keep writes and reads under 700 MB per audio hour each.
    /// </summary>
    public const int WindowsPerTile = 256;

    private readonly JobStore _jobs = new(blobs);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken = default) =>
        MessageCodec.TryDecode<IngestRequest>(body, out var request, out var problem)
            ? HandleAsync(request, cancellationToken)
            : Task.FromResult(MessageOutcome.Rejected(problem));

    /// <summary>Ingests the blob as it is now: its job is tiled, or ended with an error record, or there is nothing to do.</summary>
    public async Task<MessageOutcome> HandleAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Container != BlobNames.AudioContainer || !BlobNames.IsSafe(request.Name))
        {
            return MessageOutcome.Rejected($"\"{request.Container}/{request.Name}\" is not a safe name in the {BlobNames.AudioContainer} container");
        }

        var audioBlob = BlobNames.Audio(request.Name);
        var current = await blobs.GetInfoAsync(audioBlob, cancellationToken).ConfigureAwait(false);
        if (request.ETag is { } requested && !ETags.Same(requested, current?.ETag))
        {
            await EndReplacedAsync(JobIds.For(request.Container, request.Name, requested), current is null ? "was deleted" : "was replaced by a newer upload", cancellationToken).ConfigureAwait(false);
        }

        if (current is null)
        {
            _logger.LogWarning("{Blob} no longer exists; nothing to ingest", audioBlob);
            return MessageOutcome.Done;
        }

        var jobId = JobIds.For(request.Container, request.Name, current.ETag);
        using var scope = JobLogScope.Begin(_logger, jobId);
        var existing = await _jobs.ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: JobStatus.Tiled })
        {
            // The aggregation message may never have left (a send that failed after the job was sealed); it is the
            // job's only one, and its fixed id makes this repeat a duplicate when it did leave.
            await aggregation.SendAsync(MessageCodec.Encode(IngestCompleted.For(jobId, existing.Tiles)), cancellationToken).ConfigureAwait(false);
            return MessageOutcome.Done;
        }

        if (existing is { Status: not JobStatus.Ingesting })
        {
            _logger.LogInformation("job {JobId} for {Blob} is already {Status}", jobId, audioBlob, existing.Status);
            return MessageOutcome.Done;
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"musicmask-ingest-{Guid.NewGuid():N}");
        try
        {
            BlobInfo info;
            try
            {
                info = await blobs.DownloadToFileAsync(audioBlob, temporary, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                _logger.LogWarning("{Blob} was deleted before it could be read; nothing to ingest", audioBlob);
                return MessageOutcome.Done;
            }

            if (!ETags.Same(info.ETag, current.ETag))
            {
                return MessageOutcome.RetryLater(TimeSpan.Zero, $"{audioBlob} was replaced while ingest started; its new upload is a new job");
            }

            var job = existing ?? new JobManifest
            {
                JobId = jobId, Container = request.Container, Name = request.Name, ETag = info.ETag, Bytes = info.Bytes, Created = DateTimeOffset.UtcNow,
            };
            if (existing is null && !await _jobs.TryCreateJobAsync(job, cancellationToken).ConfigureAwait(false))
            {
                // Another delivery created the job meanwhile. While it is Ingesting this one tiles too (the same tiles
                // under the same names, and one of the two seals it); once it is further, there is nothing to do.
                switch (await _jobs.ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false))
                {
                    case null:
                        return MessageOutcome.RetryLater(TimeSpan.Zero, $"{BlobNames.Job(jobId)} could be neither created nor read");
                    case { Status: not JobStatus.Ingesting } started:
                        _logger.LogInformation("job {JobId} for {Blob} was started by another delivery and is already {Status}", jobId, audioBlob, started.Status);
                        return MessageOutcome.Done;
                }
            }

            try
            {
                if (await TileAsync(job, temporary, cancellationToken).ConfigureAwait(false) is not { } tiled)
                {
                    return MessageOutcome.Done;
                }

                job = tiled;
            }
            catch (AudioFormatException error)
            {
                _logger.LogError("job {JobId}: {Blob} cannot be decoded: {Reason}", jobId, audioBlob, error.Message);
                await _jobs.RecordFailureAsync(jobId, "ingest", error.Message, cancellationToken: cancellationToken).ConfigureAwait(false);
                return MessageOutcome.Done;
            }

            await aggregation.SendAsync(MessageCodec.Encode(IngestCompleted.For(jobId, job.Tiles)), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("job {JobId}: {Blob} tiled into {Tiles} tiles", jobId, audioBlob, job.Tiles);
            return MessageOutcome.Done;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Ends the job of the upload a request was sent for when that upload is gone and its ingest was cut short (a
    /// crash mid-tiling leaves it Ingesting, and no other message would ever end it). results/{name}/ is not
    /// touched: it belongs to the name's current upload, if any.
    /// </summary>
    private async Task EndReplacedAsync(string jobId, string what, CancellationToken cancellationToken)
    {
        if (await _jobs.TryFailAsync(
                jobId,
                job => job.Status is JobStatus.Ingesting,
                job => $"ingest: {job.Container}/{job.Name} {what} before this upload's ingest finished",
                cancellationToken).ConfigureAwait(false) is { } failed)
        {
            _logger.LogWarning("job {JobId}: {Reason}", jobId, failed.Error);
        }
    }

    /// <summary>The job tiled and sealed, or null when it was ended meanwhile (a tile that gave up failed it).</summary>
    private async Task<JobManifest?> TileAsync(JobManifest job, string path, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var preview = new SpectrogramPreview();
        var tiles = Channel.CreateBounded<SignalTile>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var storing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var store = Task.Run(
            async () =>
            {
                try
                {
                    await StoreTilesAsync(job.JobId, tiles.Reader, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await storing.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None);
        TilingSummary summary;
        try
        {
            summary = await Task.Run(
                () =>
                {
                    using var source = AudioDecoder.Open(path);
                    var signal = new SignalTileAssembler(tile => tiles.Writer.WriteAsync(tile, storing.Token).AsTask().GetAwaiter().GetResult(), WindowsPerTile);
                    var tiled = SpectrogramTiler.Run(source, null, preview, clock, windowsPerTile: WindowsPerTile, onSignal: signal.Add, cancellationToken: storing.Token);
                    var grid = signal.Complete();
                    return grid == tiled.Grid ? tiled : throw new InvalidOperationException($"the signal's tiles ({grid}) and its frames ({tiled.Grid}) disagree");
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            tiles.Writer.TryComplete();
            await store.ConfigureAwait(false);
        }

        await blobs.WriteAsync(BlobNames.Preview(job.JobId), preview.ToBytes(), cancellationToken).ConfigureAwait(false);
        return await SealAsync(job.JobId, summary, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the job tiled, by a conditional write over Ingesting only: a tile may give up and fail the job while
    /// the file is still being tiled, and that failure, with its cause, must stand.
    /// </summary>
    private async Task<JobManifest?> SealAsync(string jobId, TilingSummary summary, StageClock clock, CancellationToken cancellationToken)
    {
        while (await _jobs.ReadJobForUpdateAsync(jobId, cancellationToken).ConfigureAwait(false) is { } found)
        {
            var (job, etag) = found;
            if (job.Status is not JobStatus.Ingesting)
            {
                if (job.Status is JobStatus.Failed)
                {
                    _logger.LogWarning("job {JobId} failed while it was tiled ({Error}); it is not sealed", jobId, job.Error);
                }
                else
                {
                    _logger.LogInformation("job {JobId} was sealed by another delivery and is {Status}", jobId, job.Status);
                }

                return null;
            }

            var sealedJob = job with
            {
                Status = JobStatus.Tiled,
                Format = summary.Format,
                SampleRate = summary.InputRate,
                Channels = summary.Channels,
                InputSamples = summary.InputSamples,
                RealFrames = summary.Grid.RealFrames,
                WindowsPerTile = summary.Grid.WindowsPerTile,
                Tiles = summary.Grid.TileCount,
                IngestSeconds = clock.Seconds(),
                Truncation = summary.Truncation,
            };

            if (await _jobs.TryUpdateJobAsync(sealedJob, etag, cancellationToken).ConfigureAwait(false))
            {
                return sealedJob;
            }
        }

        throw new InvalidOperationException($"{BlobNames.Job(jobId)} disappeared while the job was tiled");
    }

    private async Task StoreTilesAsync(string jobId, ChannelReader<SignalTile> tiles, CancellationToken cancellationToken)
    {
        await foreach (var tile in tiles.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = BlobNames.Tile(jobId, tile.Range.Index);
            await blobs.WriteAsync(name, TileCodec.EncodeTile(tile), cancellationToken).ConfigureAwait(false);
            await tileQueue.SendAsync(MessageCodec.Encode(ScoreTile.For(jobId, tile.Range, name)), cancellationToken).ConfigureAwait(false);
        }
    }
}
