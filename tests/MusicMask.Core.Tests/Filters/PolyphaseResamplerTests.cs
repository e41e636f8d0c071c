using MusicMask.Filters;
using MusicMask.Signals;

namespace MusicMask.Tests.Filters;

public class PolyphaseResamplerTests
{
    private static float[] Resample(float[] input, int from, int to, int chunk = 4096)
    {
        var resampler = new PolyphaseResampler(from, to);
        var output = new List<float>();
        for (var start = 0; start < input.Length; start += chunk)
        {
            resampler.Process(input.AsSpan(start, Math.Min(chunk, input.Length - start)), s => output.AddRange(s.ToArray()));
        }

        resampler.Flush(s => output.AddRange(s.ToArray()));
        return output.ToArray();
    }

    /// <summary>Amplitude of the component at <paramref name="frequency"/>, by correlation over the steady middle.</summary>
    private static double Amplitude(float[] signal, int rate, double frequency)
    {
        var start = signal.Length / 4;
        var length = signal.Length / 2;
        double re = 0, im = 0;
        for (var n = start; n < start + length; n++)
        {
            var phase = 2 * Math.PI * frequency * n / rate;
            re += signal[n] * Math.Cos(phase);
            im += signal[n] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt(re * re + im * im) / length;
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(5000)]
    [InlineData(10000)]
    [InlineData(15000)]
    [InlineData(18000)]
    public void PassbandIsFlatWithinATenthOfADecibelTo18kHzFrom48k(double frequency)
    {
        var input = SignalGenerator.Sine(48_000, 48_000, frequency, 0.5f);
        var output = Resample(input, 48_000, 44_100);
        var gainDb = 20 * Math.Log10(Amplitude(output, 44_100, frequency) / 0.5);
        Assert.InRange(gainDb, -0.1, 0.1);
    }

    [Theory]
    [InlineData(22_500)]
    [InlineData(23_000)]
    [InlineData(23_900)]
    public void AliasesOfTonesAboveTheNewNyquistAreBelow60dB(double frequency)
    {
        var input = SignalGenerator.Sine(48_000, 48_000, frequency, 0.5f);
        var output = Resample(input, 48_000, 44_100);
        var alias = 44_100 - frequency;
        var rejectionDb = 20 * Math.Log10(Amplitude(output, 44_100, alias) / 0.5);
        var totalDb = 20 * Math.Log10(SignalGenerator.Rms(output.AsSpan(1000, output.Length - 2000)) / (0.5 / Math.Sqrt(2)));
        Assert.True(rejectionDb < -60, $"alias of {frequency} Hz at {alias} Hz is {rejectionDb:F1} dB");
        Assert.True(totalDb < -60, $"output power is {totalDb:F1} dB");
    }

    [Fact]
    public void UpsamplingKeepsTonesAndRejectsImages()
    {
        var input = SignalGenerator.Sine(22_050, 22_050, 3000, 0.5f);
        var output = Resample(input, 22_050, 44_100);
        Assert.InRange(20 * Math.Log10(Amplitude(output, 44_100, 3000) / 0.5), -0.1, 0.1);
        var image = 22_050 - 3000.0;
        Assert.True(20 * Math.Log10(Amplitude(output, 44_100, image) / 0.5) < -60);
    }

    [Theory]
    [InlineData(48_000, 44_100, 48_000)]
    [InlineData(8_000, 44_100, 12_345)]
    [InlineData(96_000, 44_100, 1)]
    public void OutputLengthIsTheCeilingOfTheRatio(int from, int to, int samples)
    {
        var output = Resample(new float[samples], from, to);
        Assert.Equal((long)Math.Ceiling((double)samples * to / from), output.Length);
    }

    [Fact]
    public void ChunkingDoesNotChangeTheOutput()
    {
        var input = SignalGenerator.WhiteNoise(20_000, seed: 3);
        var whole = Resample(input, 48_000, 44_100, chunk: input.Length);
        var pieces = Resample(input, 48_000, 44_100, chunk: 37);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void OutputIsAlignedWithTheInput()
    {
        var input = SignalGenerator.Sine(48_000, 48_000, 440, 0.5f);
        var output = Resample(input, 48_000, 44_100);
        var expected = SignalGenerator.Sine(44_100, 44_100, 440, 0.5f);
        for (var n = 1000; n < 43_000; n += 997)
        {
            Assert.InRange(output[n] - expected[n], -1e-3f, 1e-3f);
        }
    }
}
