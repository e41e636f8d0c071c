using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

public class FftConvolutionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 7)]
    [InlineData(257, 300)]
    [InlineData(1_000, 1)]
    public void MatchesDirectConvolution(int signalLength, int kernelLength)
    {
        var random = new Random(signalLength + kernelLength);
        float[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        var (signal, kernel) = (Draw(signalLength), Draw(kernelLength));
        var full = signalLength + kernelLength - 1;

        var fast = FftConvolution.Convolve(signal, kernel, full + 5);

        for (var n = 0; n < full; n++)
        {
            double direct = 0;
            for (var k = Math.Max(0, n - signalLength + 1); k <= Math.Min(n, kernelLength - 1); k++)
            {
                direct += signal[n - k] * kernel[k];
            }

            Assert.InRange(fast[n] - direct, -1e-4, 1e-4);
        }

        Assert.All(fast[full..], value => Assert.InRange(value, -1e-5f, 1e-5f));
    }

    [Fact]
    public void ADelayedImpulseDelaysAndTheLengthCutsTheTail()
    {
        var signal = Enumerable.Range(0, 50).Select(i => (float)Math.Sin(i)).ToArray();
        var delay = new float[11];
        delay[10] = 0.5f;

        var output = FftConvolution.Convolve(signal, delay, signal.Length);

        Assert.Equal(signal.Length, output.Length);
        Assert.All(output[..10], value => Assert.InRange(value, -1e-6f, 1e-6f));
        for (var i = 10; i < output.Length; i++)
        {
            Assert.InRange(output[i] - 0.5f * signal[i - 10], -1e-5f, 1e-5f);
        }
    }
}
