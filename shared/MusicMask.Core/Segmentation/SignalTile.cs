using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>
/// A tile of work kept as the 44.1 kHz mono signal under it rather than its spectrogram: half the bytes, and its
/// frames come out bit for bit as the streaming STFT makes them. <see cref="Samples"/> start at the tile's first
/// frame (sample 128·StartFrame) and end where its last frame's window does, or where the signal does; of the
/// tile's frames the first <see cref="RealFrames"/> are analysed, the rest are the grid's silent padding.
/// </summary>
public sealed record SignalTile(TileRange Range, int RealFrames, float[] Samples)
{
    /// <summary>Samples a tile of <paramref name="range"/> covers when the signal runs past it.</summary>
    public static int SamplesFor(TileRange range) => (range.Frames - 1) * SpectrogramParameters.Hop + SpectrogramParameters.FftSize;

    /// <summary>The tile's frames: the STFT of its samples, zero beyond the signal's end, then silence for padding.</summary>
    public SpectrogramTile ToSpectrogram()
    {
        const int bins = SpectrogramParameters.Bins;
        var frames = new float[Range.Frames * bins];
        var analysed = 0;
        var framer = new StftFramer(frame =>
        {
            if (analysed < RealFrames)
            {
                frame[..bins].CopyTo(frames.AsSpan(analysed * bins));
            }

            analysed++;
        });
        framer.Process(Samples);
        framer.Flush();
        if (analysed < RealFrames)
        {
            throw new InvalidDataException($"tile {Range.Index} has {RealFrames} real frames but samples for {analysed}");
        }

        frames.AsSpan(RealFrames * bins).Fill(SpectrogramParameters.SilenceDecibels);
        return new SpectrogramTile(Range, frames);
    }
}
