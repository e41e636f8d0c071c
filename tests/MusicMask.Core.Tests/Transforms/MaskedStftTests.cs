using MusicMask.Signals;
using MusicMask.Tests.Support;
using MusicMask.Transforms;

namespace MusicMask.Tests.Transforms;

public class MaskedStftTests
{
    /// <summary>Gains that vary from frame to frame and bin to bin, and look at the frames around (for the ring of context).</summary>
    private sealed class PatternMask(int contextFrames, bool complement = false) : ISpectralMask
    {
        public int ContextFrames => contextFrames;

        public void Gains(long frame, SpectralContext context, Span<float> gains)
        {
            for (var bin = 0; bin < gains.Length; bin++)
            {
                var gain = (float)(0.5 + 0.5 * Math.Sin(0.37 * frame + 0.11 * bin));
                gains[bin] = complement ? 1 - gain : gain;
            }
        }
    }

    private sealed class Constant(float gain) : ISpectralMask
    {
        public int ContextFrames => 0;

        public void Gains(long frame, SpectralContext context, Span<float> gains) => gains.Fill(gain);
    }

    private static float[] Run(ISpectralMask mask, float[] signal, int chunk)
    {
        var output = new float[signal.Length];
        var next = 0L;
        var stft = new MaskedStft(mask, (start, input, masked) =>
        {
            Assert.Equal(next, start);
            Assert.Equal(signal.AsSpan((int)start, input.Length), input);
            masked.CopyTo(output.AsSpan((int)start));
            next = start + masked.Length;
        });
        for (var i = 0; i < signal.Length; i += chunk)
        {
            stft.Process(signal.AsSpan(i, Math.Min(chunk, signal.Length - i)));
        }

        stft.Flush();
        Assert.Equal(signal.Length, next);
        return output;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(127, 5)]
    [InlineData(128, 128)]
    [InlineData(129, 1000)]
    [InlineData(511, 77)]
    [InlineData(513, 512)]
    [InlineData(44_137, 4_099)]
    public void UnitGainsGiveTheInputBackEdgesIncluded(int length, int chunk)
    {
        var signal = SignalGenerator.WhiteNoise(length, seed: length, level: 0.3f);

        var output = Run(new Constant(1), signal, chunk);

        for (var i = 0; i < length; i++)
        {
            Assert.True(Math.Abs(signal[i] - output[i]) < 1e-5, $"sample {i} of {length}: {output[i]} for {signal[i]}");
        }
    }

    [Theory]
    [InlineData(0, 44_101)]
    [InlineData(3, 30_001)]
    [InlineData(8, 777)]
    public void AMaskAndItsComplementSumToTheInput(int contextFrames, int length)
    {
        var signal = SignalGenerator.Mix(SignalGenerator.Melody(length, 44_100, seed: 2), SignalGenerator.WhiteNoise(length, seed: 3), 0);

        var music = Run(new PatternMask(contextFrames), signal, 3_000);
        var rest = Run(new PatternMask(contextFrames, complement: true), signal, 1_001);

        Assert.True(SignalMeasures.RelativeRms(signal, music) > 0.1, "the pattern should change the signal");
        var sum = music.Zip(rest, (a, b) => a + b).ToArray();
        Assert.True(SignalMeasures.RelativeRms(signal, sum) < 1e-5, $"relative RMS {SignalMeasures.RelativeRms(signal, sum)}");
        Assert.True(SignalMeasures.RelativeRms(signal.AsSpan(0, 512), sum.AsSpan(0, 512)) < 1e-5, "the first 512 samples");
        Assert.True(SignalMeasures.RelativeRms(signal.AsSpan(length - 512), sum.AsSpan(length - 512)) < 1e-5, "the last 512 samples");
    }

    [Fact]
    public void ZeroGainsGiveSilenceAndHalfGainsHalfTheSignal()
    {
        var signal = SignalGenerator.WhiteNoise(10_000, seed: 9);

        Assert.All(Run(new Constant(0), signal, 999), s => Assert.Equal(0f, s));
        var half = Run(new Constant(0.5f), signal, 999);
        for (var i = 0; i < signal.Length; i++)
        {
            Assert.Equal(0.5f * signal[i], half[i], 1e-5);
        }
    }

    [Fact]
    public void AStreamStartedLaterIsExactOnceItsFramesAndContextAreIn()
    {
        var signal = SignalGenerator.Mix(SignalGenerator.Melody(40_000, 44_100, seed: 5), SignalGenerator.WhiteNoise(40_000, seed: 6), 3);
        const int context = 4;
        var whole = Run(new PatternMask(context), signal, 4_096);
        const long firstFrame = 100;
        var late = new float[signal.Length];
        var stft = new MaskedStft(new PatternMask(context), (start, _, masked) => masked.CopyTo(late.AsSpan((int)start)), firstFrame);
        stft.Process(signal.AsSpan((int)(firstFrame * 128)));
        stft.Flush();

        var exactFrom = (int)(firstFrame + context + MaskedStft.LeadFrames) * 128;
        Assert.True(SignalMeasures.RelativeRms(whole.AsSpan(exactFrom), late.AsSpan(exactFrom)) < 1e-6);
        Assert.True(SignalMeasures.RelativeRms(whole.AsSpan((int)firstFrame * 128, 128), late.AsSpan((int)firstFrame * 128, 128)) > 1e-3, "the first block lacks the frames before it");
    }
}
