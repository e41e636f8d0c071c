using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Stage 2: one ScoreTile -> one ONNX strip run over its tile -> work/{job}/scores/{i}. That blob is all the
/// aggregator needs to know the tile is done; it depends only on the tile and the model, so a redelivery rewrites the same bytes.
/// A copy delivered after its job ended may find the tile deleted and has nothing left to do.
/// </summary>
public sealed class ScoreHandler(IBlobStore blobs, ITileScorer scorer, ILogger<ScoreHandler>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ScoreHandler>.Instance;
    private readonly JobStore _jobs = new(blobs);

    public async Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken = default)
    {
        if (!MessageCodec.TryDecode<ScoreTile>(body, out var request, out var problem))
        {
            return MessageOutcome.Rejected(problem);
        }

        var blob = await blobs.ReadAsync(request.TileBlob, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return await _jobs.ReadJobAsync(request.JobId, cancellationToken).ConfigureAwait(false) is { Status: JobStatus.Complete or JobStatus.Failed }
                ? MessageOutcome.Done
                : MessageOutcome.Rejected($"tile {request.TileBlob} does not exist");
        }

        SpectrogramTile tile;
        try
        {
            tile = TileCodec.DecodeTile(blob.Content, request.Range).ToSpectrogram();
        }
        catch (InvalidDataException error)
        {
            return MessageOutcome.Rejected($"{request.TileBlob}: {error.Message}");
        }

        var started = Stopwatch.GetTimestamp();
        var scores = scorer.Score(tile);
        await blobs.WriteAsync(BlobNames.Scores(request.JobId, request.Tile), TileCodec.EncodeScores(scores, scorer.Model, scorer.TimeContext), cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("job {JobId}: tile {Tile} ({Windows} window columns) scored and stored in {Milliseconds:F0} ms",
            request.JobId, request.Tile, scores.Windows, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return MessageOutcome.Done;
    }
}
