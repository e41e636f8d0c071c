using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Tests.Transforms;

public class StftFramerTests
{
    /// <summary>The definition, in double precision: 10·log10(|Σ x[n]·w[n]·e^{-2πikn/512}|² + 1e-10).</summary>
    private static double[] DirectDftDecibels(ReadOnlySpan<float> signal, long start)
    {
        var result = new double[256];
        for (var k = 0; k < 256; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < 512; n++)
            {
                var index = start + n;
                var x = index < signal.Length ? signal[(int)index] : 0;
                var w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / 512);
                re += x * w * Math.Cos(2 * Math.PI * k * n / 512);
                im -= x * w * Math.Sin(2 * Math.PI * k * n / 512);
            }

            result[k] = 10 * Math.Log10(re * re + im * im + 1e-10);
        }

        return result;
    }

    private static List<float[]> Frames(float[] signal, int chunk = 1000)
    {
        var frames = new List<float[]>();
        var framer = new StftFramer(f => frames.Add(f.ToArray()));
        for (var i = 0; i < signal.Length; i += chunk)
        {
            framer.Process(signal.AsSpan(i, Math.Min(chunk, signal.Length - i)));
        }

        framer.Flush();
        return frames;
    }

    [Fact]
    public void FramesMatchADirectDftOfTheHannWindowedSignal()
    {
        var signal = SignalGenerator.WhiteNoise(3000, seed: 9, level: 0.2f);
        var frames = Frames(signal);
        foreach (var t in new[] { 0, 1, 7, frames.Count - 1 })
        {
            var expected = DirectDftDecibels(signal, 128L * t);
            for (var k = 0; k < 256; k++)
            {
                Assert.True(Math.Abs(frames[t][k] - expected[k]) < 1e-3, $"frame {t} bin {k}: {frames[t][k]} vs {expected[k]}");
            }
        }
    }

    [Fact]
    public void AToneLandsInItsBin()
    {
        var bin = 40;
        var signal = SignalGenerator.Sine(4096, 44_100, bin * SpectrogramParameters.BinHz, 0.5f);
        var frame = Frames(signal)[3];
        Assert.Equal(bin, Array.IndexOf(frame, frame.Max()));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(128, 1)]
    [InlineData(129, 2)]
    [InlineData(512, 4)]
    [InlineData(44_100, 345)]
    public void OneFramePerHopStartingInsideTheSignal(int samples, int frames)
    {
        Assert.Equal(frames, Frames(new float[samples], chunk: 77).Count);
        Assert.Equal(frames, SpectrogramParameters.FramesFor(samples));
    }

    [Fact]
    public void SilenceIsMinus100Decibels()
    {
        Assert.All(Frames(new float[600])[0], v => Assert.Equal(SpectrogramParameters.SilenceDecibels, v, 3));
    }
}
