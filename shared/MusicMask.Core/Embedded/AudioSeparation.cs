using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Separation;
using MusicMask.Transforms;

namespace MusicMask.Embedded;

/// <summary>
/// What `segment --audio` needs once a file is stitched: its 44.1 kHz mono signal, spooled during ingest, the map
/// after the <see cref="LevelGate"/> and the bands' running medians, which make the soft mask
/// (<see cref="PixelGatedMask"/>), and how many threads may separate it.
/// </summary>
public sealed class AudioSeparation(SignalSpool signal, ProbabilityMap map, BandMedians medians, int threads) : IDisposable
{
    /// <summary>
    /// Everything the soft mask needs from a stitched map and its preview: the map after the cell gate and the
    /// bands' running medians for the pixel gate, timed as stitching. Owns <paramref name="signal"/> from here on.
    /// </summary>
    public static AudioSeparation Prepare(SignalSpool signal, ProbabilityMap map, SpectrogramPreview preview, int threads, StageClock clock)
    {
        try
        {
            var gated = clock.Time(Stages.Stitch, () => LevelGate.Apply(map, LevelGate.Levels(preview, map.Columns)));
            return new AudioSeparation(signal, gated, clock.Time(Stages.Stitch, () => BandMedians.Of(preview)), threads);
        }
        catch
        {
            signal.Dispose();
            throw;
        }
    }

    /// <summary>The gated map: probability-gated.npy.</summary>
    public ProbabilityMap Map { get; } = map;

    /// <summary>Writes music.wav and remainder.wav (44.1 kHz mono float) through <paramref name="createFile"/>.</summary>
    public void Write(Func<string, Stream> createFile)
    {
        using var musicFile = createFile(ResultFiles.Music);
        using var remainderFile = createFile(ResultFiles.Remainder);
        using var music = new WavWriter(musicFile, SpectrogramParameters.SampleRate, floatSamples: true);
        using var remainder = new WavWriter(remainderFile, SpectrogramParameters.SampleRate, floatSamples: true);
        signal.Complete();
        MusicSeparator.Separate(signal.Samples, signal.ReadAt, () => new PixelGatedMask(Map, medians), threads, (m, r) =>
        {
            music.Write(m);
            remainder.Write(r);
        });
    }

    public void Dispose() => signal.Dispose();
}
