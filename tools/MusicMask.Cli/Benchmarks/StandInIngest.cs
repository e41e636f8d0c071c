using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Storage;
using MusicMask.Transforms;

namespace MusicMask.Cli.Benchmarks;

/// <summary>
/// Ingest without audio: writes what the real ingest leaves for the later stages (a tiled job.json, its preview)
/// and sends the same messages (a ScoreTile per tile, then IngestCompleted); tiles come from <see cref="CoordinationStore"/>.
/// </summary>
internal static class StandInIngest
{
    private const string ETag = "\"stand-in\"";

    public static string JobIdOf(string name) => JobIds.For(BlobNames.AudioContainer, name, ETag);

    public static async Task<string> SubmitAsync(CoordinationStore blobs, IMessageSender tileQueue, IMessageSender aggregation, string name, double seconds, CancellationToken cancellationToken)
    {
        var samples = (long)(seconds * SpectrogramParameters.SampleRate);
        var grid = new WindowGrid(SpectrogramParameters.FramesFor(samples));
        var jobId = JobIdOf(name);
        blobs.Register(jobId, grid);
        var job = new JobManifest
        {
            JobId = jobId, Container = BlobNames.AudioContainer, Name = name, ETag = ETag, Bytes = samples * 2, Created = DateTimeOffset.UtcNow,
            Status = JobStatus.Tiled, Format = "stand-in", SampleRate = SpectrogramParameters.SampleRate, Channels = 1, InputSamples = samples,
            RealFrames = grid.RealFrames, WindowsPerTile = grid.WindowsPerTile, Tiles = grid.TileCount,
        };
        await blobs.WriteAsync(BlobNames.Job(jobId), job.Serialize(), cancellationToken).ConfigureAwait(false);
        var preview = new byte[(int)grid.CellColumns * SpectrogramPreview.Rows];
        Array.Fill(preview, (byte)128);
        await blobs.WriteAsync(BlobNames.Preview(jobId), preview, cancellationToken).ConfigureAwait(false);
        for (var tile = 0; tile < grid.TileCount; tile++)
        {
            await tileQueue.SendAsync(MessageCodec.Encode(ScoreTile.For(jobId, grid.Tile(tile), BlobNames.Tile(jobId, tile))), cancellationToken).ConfigureAwait(false);
        }

        await aggregation.SendAsync(MessageCodec.Encode(IngestCompleted.For(jobId, grid.TileCount)), cancellationToken).ConfigureAwait(false);
        return jobId;
    }
}
