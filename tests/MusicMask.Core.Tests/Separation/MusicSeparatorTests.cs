using MusicMask.Segmentation;
using MusicMask.Separation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Tests.Separation;

public class MusicSeparatorTests
{
    private static ProbabilityMap Ramp(long samples)
    {
        var columns = (int)((SpectrogramParameters.FramesFor(samples) + 15) / 16);
        return new ProbabilityMap(columns, Enumerable.Range(0, 16 * columns).Select(i => (float)((i * 37) % 17) / 16).ToArray());
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(MusicSeparator.StretchSamples * 3 + 4_321, 2)]
    [InlineData(MusicSeparator.StretchSamples * 2, 3)]
    public void StretchesOnThreadsJoinIntoTheSinglePassAndTheRemainderIsTheRest(int length, int threads)
    {
        var signal = SignalGenerator.Mix(SignalGenerator.Melody(length, 44_100, seed: 4), SignalGenerator.WhiteNoise(length, seed: 5), 0);
        var map = Ramp(length);
        var single = MusicSeparator.Music(signal, new SignalGuidedMask(map));
        var (music, rest) = (new List<float>(), new List<float>());

        MusicSeparator.Separate(
            length,
            (start, destination) =>
            {
                var count = (int)Math.Min(destination.Length, length - start);
                signal.AsSpan((int)start, count).CopyTo(destination);
                return count;
            },
            () => new SignalGuidedMask(map),
            threads,
            (m, r) =>
            {
                music.AddRange(m.ToArray());
                rest.AddRange(r.ToArray());
            });

        Assert.Equal(length, music.Count);
        Assert.Equal(length, rest.Count);
        for (var i = 0; i < length; i++)
        {
            Assert.True(Math.Abs(single[i] - music[i]) < 1e-6, $"sample {i}: {music[i]} for {single[i]}");
            Assert.Equal(signal[i], music[i] + rest[i], 1e-6);
        }
    }

    [Fact]
    public void ASignalShorterThanSaidIsAnError()
    {
        var error = Assert.Throws<EndOfStreamException>(() => MusicSeparator.Separate(
            10_000, (_, destination) => destination.Length / 2, () => new SmoothCellMask(Ramp(10_000)), 1, (_, _) => { }));
        Assert.Contains("10000", error.Message);
    }

    [Fact]
    public void AFailedDeliveryEndsTheSeparationWithItsOwnErrorAndNoReadOutlivesIt()
    {
        const long length = MusicSeparator.StretchSamples * 6L;
        var reads = 0;

        var error = Assert.Throws<IOException>(() => MusicSeparator.Separate(
            length,
            (_, destination) =>
            {
                Interlocked.Increment(ref reads);
                destination.Clear();
                return destination.Length;
            },
            () => new SmoothCellMask(Ramp(length)),
            2,
            (_, _) => throw new IOException("disk full")));

        Assert.Equal("disk full", error.Message);
        var readsAtReturn = Volatile.Read(ref reads);
        Thread.Sleep(200);
        Assert.Equal(readsAtReturn, Volatile.Read(ref reads));
    }

    [Fact]
    public void TheTonalMaskFavoursASteadyToneOverNoiseAroundIt()
    {
        const int length = 44_100;
        var tone = SignalGenerator.Sine(length, 44_100, 86.1328125 * 40, amplitude: 0.1f);
        var signal = SignalGenerator.Sum(tone, SignalGenerator.WhiteNoise(length, seed: 7, level: 0.05f));
        var columns = (int)((SpectrogramParameters.FramesFor(length) + 15) / 16);
        var even = new ProbabilityMap(columns, Enumerable.Repeat(0.5f, 16 * columns).ToArray());
        var gains = new List<float[]>();
        var mask = new Recording(new SignalGuidedMask(even), gains);

        MusicSeparator.Music(signal, mask);

        var middle = gains[gains.Count / 2];
        var noiseBins = middle.Skip(60).Take(100).Average();
        Assert.True(middle[40] > 0.65f, $"the tone's bin: {middle[40]}");
        Assert.True(middle[40] - noiseBins > 0.15f, $"the tone's bin {middle[40]}, noise bins {noiseBins}");
    }

    private sealed class Recording(ISpectralMask inner, List<float[]> gains) : ISpectralMask
    {
        public int ContextFrames => inner.ContextFrames;

        public void Gains(long frame, SpectralContext context, Span<float> values)
        {
            inner.Gains(frame, context, values);
            gains.Add(values.ToArray());
        }
    }
}
