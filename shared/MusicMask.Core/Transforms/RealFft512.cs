using System.Numerics;

namespace MusicMask.Transforms;

/// <summary>
/// Spectrum of a 512-sample real frame: a 256-point complex radix-2 FFT of the even/odd samples packed as re/im,
/// then the split step that separates the two real spectra; the inverse runs the same steps backwards.
/// Not thread-safe: one instance per thread.
/// </summary>
public sealed class RealFft512
{
    private const int N = 512;
    private const int Half = N / 2;
    private readonly float[] _re = new float[Half];
    private readonly float[] _im = new float[Half];
    private readonly float[] _stageTwiddleRe = new float[Half];
    private readonly float[] _stageTwiddleIm = new float[Half];
    private readonly float[] _splitRe = new float[Half];
    private readonly float[] _splitIm = new float[Half];
    private readonly int[] _bitReverse = new int[Half];

    public RealFft512()
    {
        // Twiddles of the stage with half-span h live at [h, 2h): e^{-2 pi i j / 2h}.
        for (var h = 1; h < Half; h <<= 1)
        {
            for (var j = 0; j < h; j++)
            {
                _stageTwiddleRe[h + j] = (float)Math.Cos(-Math.PI * j / h);
                _stageTwiddleIm[h + j] = (float)Math.Sin(-Math.PI * j / h);
            }
        }

        for (var k = 0; k < Half; k++)
        {
            _splitRe[k] = (float)Math.Cos(-2 * Math.PI * k / N);
            _splitIm[k] = (float)Math.Sin(-2 * Math.PI * k / N);
            _bitReverse[k] = Reverse(k, 8);
        }
    }

    /// <summary>Bins of the one-sided spectrum, 0 to Nyquist.</summary>
    public const int SpectrumBins = Half + 1;

    /// <summary>Writes |X[k]|² for k = 0..255 of the 512-point DFT of <paramref name="frame"/>.</summary>
    public void Power(ReadOnlySpan<float> frame, Span<float> power)
    {
        if (frame.Length != N || power.Length < Half)
        {
            throw new ArgumentException($"needs a {N}-sample frame and room for {Half} bins");
        }

        PackedTransform(frame);
        power[0] = Square(_re[0] + _im[0]);
        for (var k = 1; k < Half; k++)
        {
            var (xr, xi) = Split(k);
            power[k] = xr * xr + xi * xi;
        }
    }

    /// <summary>Writes X[k] for k = 0..256 (DC to Nyquist) of the 512-point DFT of <paramref name="frame"/>.</summary>
    public void Forward(ReadOnlySpan<float> frame, Span<float> real, Span<float> imaginary)
    {
        if (frame.Length != N || real.Length < SpectrumBins || imaginary.Length < SpectrumBins)
        {
            throw new ArgumentException($"needs a {N}-sample frame and room for {SpectrumBins} bins");
        }

        PackedTransform(frame);
        real[0] = _re[0] + _im[0];
        imaginary[0] = 0;
        real[Half] = _re[0] - _im[0];
        imaginary[Half] = 0;
        for (var k = 1; k < Half; k++)
        {
            (real[k], imaginary[k]) = Split(k);
        }
    }

    /// <summary>
    /// The real frame whose DFT has bins 0..256 <paramref name="real"/> + i·<paramref name="imaginary"/> (the upper
    /// half being their conjugates; the imaginary parts of DC and Nyquist are ignored).
    /// </summary>
    public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, Span<float> frame)
    {
        if (frame.Length != N || real.Length < SpectrumBins || imaginary.Length < SpectrumBins)
        {
            throw new ArgumentException($"needs {SpectrumBins} bins and room for a {N}-sample frame");
        }

        // Z[k] = E[k] + i·O[k] with E = (X[k] + conj X[256-k]) / 2 and O = (X[k] - conj X[256-k]) · conj(W^k) / 2;
        // z = IFFT(Z) packs the even samples as re and the odd as im. IFFT(Z) = conj(FFT(conj Z)) / 256.
        for (var k = 0; k < Half; k++)
        {
            float xr = real[k], xi = k == 0 ? 0 : imaginary[k];
            float cr = real[Half - k], ci = k == 0 ? 0 : -imaginary[Half - k];
            float er = 0.5f * (xr + cr), ei = 0.5f * (xi + ci);
            float dr = 0.5f * (xr - cr), di = 0.5f * (xi - ci);
            float wr = _splitRe[k], wi = -_splitIm[k];
            var or = dr * wr - di * wi;
            var oi = dr * wi + di * wr;
            var r = _bitReverse[k];
            _re[r] = er - oi;
            _im[r] = -(ei + or);
        }

        Butterflies(_re, _im);
        const float scale = 1f / Half;
        for (var n = 0; n < Half; n++)
        {
            frame[2 * n] = _re[n] * scale;
            frame[2 * n + 1] = -_im[n] * scale;
        }
    }

    private void PackedTransform(ReadOnlySpan<float> frame)
    {
        for (var n = 0; n < Half; n++)
        {
            var r = _bitReverse[n];
            _re[r] = frame[2 * n];
            _im[r] = frame[2 * n + 1];
        }

        Butterflies(_re, _im);
    }

    /// <summary>X[k] for 0 &lt; k &lt; 256 from the packed transform Z.</summary>
    private (float Re, float Im) Split(int k)
    {
        // Even spectrum E = (Z[k] + conj Z[N/2-k]) / 2, odd spectrum O = (Z[k] - conj Z[N/2-k]) / 2i.
        float zr = _re[k], zi = _im[k], cr = _re[Half - k], ci = -_im[Half - k];
        float er = 0.5f * (zr + cr), ei = 0.5f * (zi + ci);
        float or = 0.5f * (zi - ci), oi = -0.5f * (zr - cr);
        float wr = _splitRe[k], wi = _splitIm[k];
        return (er + wr * or - wi * oi, ei + wr * oi + wi * or);
    }

    private void Butterflies(float[] re, float[] im)
    {
        // Stages of span 2 and 4 have trivial twiddles (1 and -i); later stages run Vector<float>-wide over j.
        for (var a = 0; a < Half; a += 4)
        {
            float r0 = re[a] + re[a + 1], i0 = im[a] + im[a + 1], r1 = re[a] - re[a + 1], i1 = im[a] - im[a + 1];
            float r2 = re[a + 2] + re[a + 3], i2 = im[a + 2] + im[a + 3], r3 = re[a + 2] - re[a + 3], i3 = im[a + 2] - im[a + 3];
            re[a] = r0 + r2;
            im[a] = i0 + i2;
            re[a + 2] = r0 - r2;
            im[a + 2] = i0 - i2;
            re[a + 1] = r1 + i3;
            im[a + 1] = i1 - r3;
            re[a + 3] = r1 - i3;
            im[a + 3] = i1 + r3;
        }

        for (var size = 8; size <= Half; size <<= 1)
        {
            var halfSize = size >> 1;
            var twiddleRe = _stageTwiddleRe.AsSpan(halfSize, halfSize);
            var twiddleIm = _stageTwiddleIm.AsSpan(halfSize, halfSize);
            for (var start = 0; start < Half; start += size)
            {
                if (halfSize >= Vector<float>.Count)
                {
                    VectorButterflies(re.AsSpan(start, size), im.AsSpan(start, size), twiddleRe, twiddleIm);
                    continue;
                }

                for (var j = 0; j < halfSize; j++)
                {
                    var a = start + j;
                    var b = a + halfSize;
                    float wr = twiddleRe[j], wi = twiddleIm[j];
                    var tr = wr * re[b] - wi * im[b];
                    var ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static void VectorButterflies(Span<float> re, Span<float> im, ReadOnlySpan<float> twiddleRe, ReadOnlySpan<float> twiddleIm)
    {
        var half = re.Length / 2;
        for (var j = 0; j < half; j += Vector<float>.Count)
        {
            var wr = new Vector<float>(twiddleRe[j..]);
            var wi = new Vector<float>(twiddleIm[j..]);
            var ar = new Vector<float>(re[j..]);
            var ai = new Vector<float>(im[j..]);
            var br = new Vector<float>(re[(half + j)..]);
            var bi = new Vector<float>(im[(half + j)..]);
            var tr = wr * br - wi * bi;
            var ti = wr * bi + wi * br;
            (ar - tr).CopyTo(re[(half + j)..]);
            (ai - ti).CopyTo(im[(half + j)..]);
            (ar + tr).CopyTo(re[j..]);
            (ai + ti).CopyTo(im[j..]);
        }
    }

    private static float Square(float x) => x * x;

    private static int Reverse(int value, int bits)
    {
        var result = 0;
        for (var i = 0; i < bits; i++)
        {
            result = (result << 1) | ((value >> i) & 1);
        }

        return result;
    }
}
