using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Separation;
using MusicMask.Signals;

namespace MusicMask.Tests.Separation;

public class PixelGatedMaskTests
{
    private const int Rate = 44_100;

    private static BandMedians MediansOf(float[] signal)
    {
        var preview = new SpectrogramPreview();
        SpectrogramTiler.Run(new ArrayAudioSource(signal, Rate), onTile: null, preview);
        return BandMedians.Of(preview);
    }

    private static ProbabilityMap Certain(BandMedians medians) => new(medians.Columns, Enumerable.Repeat(1f, 16 * medians.Columns).ToArray());

    private static double Rms(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (double)(a[i] - b[i]);
        }

        return Math.Sqrt(sum / a.Length);
    }

    [Fact]
    public void AClickOverASteadyChordLosesOver12DecibelsAndTheChordAwayFromItIsUntouched()
    {
        var chord = SignalGenerator.Sum(SignalGenerator.Sine(6 * Rate, Rate, 440, 0.1f), SignalGenerator.Sine(6 * Rate, Rate, 660, 0.1f));
        var click = new float[chord.Length];
        SignalGenerator.WhiteNoise(Rate / 50, seed: 3, level: 0.5f).CopyTo(click, 3 * Rate);
        var mixture = SignalGenerator.Sum(chord, click);
        var medians = MediansOf(mixture);

        var music = MusicSeparator.Music(mixture, new PixelGatedMask(Certain(medians), medians));

        var steady = new Range(Rate, 2 * Rate);
        Assert.True(Rms(music.AsSpan(steady), mixture.AsSpan(steady)) < 1e-3 * SignalGenerator.Rms(chord.AsSpan(steady)));
        var around = new Range(3 * Rate - 1024, 3 * Rate + Rate / 50 + 1024);
        var clickLeft = Rms(music.AsSpan(around), chord.AsSpan(around));
        var clickIn = Rms(mixture.AsSpan(around), chord.AsSpan(around));
        Assert.True(clickLeft < clickIn / 4, $"the click kept {20 * Math.Log10(clickLeft / clickIn):F1} dB of its level");
    }

    [Fact]
    public void UnderTheCeilingTheGainIsTheCellMasksAndTheGateNeverRaisesIt()
    {
        var signal = SignalGenerator.WhiteNoise(3 * Rate, seed: 5, level: 0.05f);
        var medians = MediansOf(signal);
        var map = new ProbabilityMap(medians.Columns, Enumerable.Range(0, 16 * medians.Columns).Select(i => (float)(i % 9) / 8).ToArray());

        var plain = MusicSeparator.Music(signal, new SmoothCellMask(map));
        var loose = MusicSeparator.Music(signal, new PixelGatedMask(map, medians, aboveMedian: 60));
        var tight = MusicSeparator.Music(signal, new PixelGatedMask(map, medians, aboveMedian: 0));

        Assert.True(Rms(loose, plain) < 1e-6, "60 dB over the median, nothing in steady noise reaches the ceiling");
        Assert.True(SignalGenerator.Rms(tight) < SignalGenerator.Rms(plain));
    }
}
