using MusicMask.Audio;
using MusicMask.Segmentation;
using MusicMask.Storage;
using MusicMask.Transforms;

namespace MusicMask.Jobs;

/// <summary>
/// The job's 44.1 kHz mono signal, put back together from the tiles ingest stored (each holds its own samples,
/// overlap included): every tile adds the samples past the last one's end, in order, to a spool on disk, so memory
/// stays one tile whatever the length.
/// </summary>
public static class TileSignal
{
    public static async Task<SignalSpool> SpoolAsync(IBlobStore blobs, JobManifest job, CancellationToken cancellationToken = default)
    {
        var grid = job.Grid();
        var spool = new SignalSpool();
        try
        {
            long written = 0;
            for (var index = 0; index < grid.TileCount; index++)
            {
                var name = BlobNames.Tile(job.JobId, index);
                var blob = await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"{name} is missing: the job's signal cannot be resynthesised");
                var tile = TileCodec.DecodeTile(blob.Content, grid.Tile(index));
                var start = tile.Range.StartFrame * SpectrogramParameters.Hop;
                if (start > written)
                {
                    throw new InvalidDataException($"{name} starts at sample {start}, after the {written} samples before it");
                }

                var fresh = tile.Samples.AsSpan((int)Math.Min(written - start, tile.Samples.Length));
                spool.Write(fresh);
                written += fresh.Length;
            }

            if (SpectrogramParameters.FramesFor(written) != grid.RealFrames)
            {
                throw new InvalidDataException($"the tiles hold {written} samples, {SpectrogramParameters.FramesFor(written)} frames; the job has {grid.RealFrames}");
            }

            spool.Complete();
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }
}
