using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Stage 2: one PatchBatch -> one ONNX strip run over its tile -> work/{job}/scores/{i}, and the BatchScored
/// message to send on. The scores blob depends only on the tile and the model, so a redelivery rewrites the same bytes.
/// </summary>
public sealed class ScoreHandler(IBlobStore blobs, StripScorer scorer, ILogger<ScoreHandler>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ScoreHandler>.Instance;

    /// <summary>Scores the batch and returns the BatchScored message for the aggregator.</summary>
    public async Task<string> HandleAsync(string body, CancellationToken cancellationToken = default)
    {
        var batch = MessageCodec.Decode<PatchBatch>(body);
        var blob = await blobs.ReadAsync(batch.TileBlob, cancellationToken).ConfigureAwait(false)
            ?? throw new MessageRejectedException($"tile {batch.TileBlob} does not exist");
        SpectrogramTile tile;
        try
        {
            tile = TileCodec.DecodeTile(blob.Content, batch.Range);
        }
        catch (InvalidDataException error)
        {
            throw new MessageRejectedException($"{batch.TileBlob}: {error.Message}", error);
        }

        var started = Stopwatch.GetTimestamp();
        var scores = scorer.Score(tile);
        var scored = BatchScored.For(batch.JobId, batch.Batch);
        await blobs.WriteAsync(scored.ScoresBlob, TileCodec.EncodeScores(scores, scorer.Model), cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("job {JobId}: batch {Batch} ({Windows} window columns) scored and stored in {Milliseconds:F0} ms",
            batch.JobId, batch.Batch, scores.Windows, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return MessageCodec.Encode(scored);
    }
}
