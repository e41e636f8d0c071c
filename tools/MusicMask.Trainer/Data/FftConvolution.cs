using System.Numerics;

namespace MusicMask.Training.Data;

/// <summary>
/// Linear convolution through a radix-2 FFT: a room's impulse response is tens of thousands of taps long, which
/// direct convolution of a strip's excerpt would take seconds for and this takes milliseconds.
/// </summary>
public static class FftConvolution
{
    /// <summary>The first <paramref name="length"/> samples of signal * kernel (zero beyond the full result).</summary>
    public static float[] Convolve(float[] signal, float[] kernel, int length)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, signal.Length + kernel.Length - 1));
        var (a, b) = (Padded(signal, size), Padded(kernel, size));
        Transform(a, inverse: false);
        Transform(b, inverse: false);
        for (var i = 0; i < size; i++)
        {
            a[i] *= b[i];
        }

        Transform(a, inverse: true);
        var output = new float[length];
        for (var i = 0; i < Math.Min(length, size); i++)
        {
            output[i] = (float)(a[i].Real / size);
        }

        return output;
    }

    private static Complex[] Padded(float[] values, int size)
    {
        var padded = new Complex[size];
        for (var i = 0; i < values.Length; i++)
        {
            padded[i] = values[i];
        }

        return padded;
    }

    /// <summary>In-place iterative Cooley-Tukey on a power-of-two length; the inverse is left unscaled.</summary>
    private static void Transform(Complex[] data, bool inverse)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j |= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var span = 2; span <= n; span <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / span;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += span)
            {
                var twiddle = Complex.One;
                for (var k = 0; k < span / 2; k++)
                {
                    var (even, odd) = (data[start + k], data[start + k + span / 2] * twiddle);
                    data[start + k] = even + odd;
                    data[start + k + span / 2] = even - odd;
                    twiddle *= step;
                }
            }
        }
    }
}
