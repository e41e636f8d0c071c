using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Tests.Transforms;

public class RealFft512Tests
{
    [Fact]
    public void ForwardIsTheDiscreteFourierTransformFromDcToNyquist()
    {
        var frame = SignalGenerator.WhiteNoise(512, seed: 3, level: 0.5f);
        var (real, imaginary) = (new float[257], new float[257]);
        new RealFft512().Forward(frame, real, imaginary);

        for (var k = 0; k <= 256; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < 512; n++)
            {
                re += frame[n] * Math.Cos(2 * Math.PI * k * n / 512);
                im -= frame[n] * Math.Sin(2 * Math.PI * k * n / 512);
            }

            Assert.Equal(re, real[k], 3e-4);
            Assert.Equal(im, imaginary[k], 3e-4);
        }
    }

    [Fact]
    public void InverseGivesTheFrameBackAndPowerAgreesWithForward()
    {
        var frame = SignalGenerator.Melody(512, 44_100, seed: 8, level: 0.7f);
        var fft = new RealFft512();
        var (real, imaginary, power) = (new float[257], new float[257], new float[256]);
        fft.Forward(frame, real, imaginary);
        fft.Power(frame, power);
        var back = new float[512];
        fft.Inverse(real, imaginary, back);

        for (var n = 0; n < 512; n++)
        {
            Assert.Equal(frame[n], back[n], 1e-5);
        }

        for (var k = 0; k < 256; k++)
        {
            Assert.Equal(real[k] * real[k] + imaginary[k] * imaginary[k], power[k], 1e-3 * Math.Max(1, power[k]));
        }
    }

    [Fact]
    public void InverseOfASingleBinIsItsCosine()
    {
        var (real, imaginary) = (new float[257], new float[257]);
        real[5] = 256;
        var frame = new float[512];
        new RealFft512().Inverse(real, imaginary, frame);

        for (var n = 0; n < 512; n++)
        {
            Assert.Equal(Math.Cos(2 * Math.PI * 5 * n / 512), frame[n], 1e-5);
        }
    }

    [Fact]
    public void InverseIsTheInverseTransformOfAnyHalfSpectrum()
    {
        var random = new Random(12);
        var real = Enumerable.Range(0, 257).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var imaginary = Enumerable.Range(0, 257).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var frame = new float[512];
        var fft = new RealFft512();
        // A forward transform first leaves its values in the instance's buffers: the inverse must not depend on them.
        fft.Forward(SignalGenerator.WhiteNoise(512, seed: 1, level: 0.5f), new float[257], new float[257]);
        fft.Inverse(real, imaginary, frame);

        // x[n] = (X[0] + (-1)^n X[256] + 2 Σ_{k=1..255} Re(X[k] e^{2πikn/512})) / 512: DC's and Nyquist's imaginary parts drop out.
        for (var n = 0; n < 512; n++)
        {
            double sum = real[0] + (n % 2 == 0 ? 1 : -1) * real[256];
            for (var k = 1; k < 256; k++)
            {
                var angle = 2 * Math.PI * k * n / 512;
                sum += 2 * (real[k] * Math.Cos(angle) - imaginary[k] * Math.Sin(angle));
            }

            Assert.Equal(sum / 512, frame[n], 1e-5);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TransposeSwapsRowsAndColumnsWithAndWithoutAvx(bool avx)
    {
        var source = Enumerable.Range(0, 256).Select(i => (float)i).ToArray();
        var destination = new float[256];

        RealFft512.Transpose(source, destination, avx);

        for (var row = 0; row < 16; row++)
        {
            for (var column = 0; column < 16; column++)
            {
                Assert.Equal(source[row * 16 + column], destination[column * 16 + row]);
            }
        }
    }
}
