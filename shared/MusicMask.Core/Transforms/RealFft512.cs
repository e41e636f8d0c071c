using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicMask.Transforms;

/// <summary>
/// Spectrum of a 512-sample real frame: the even and odd samples packed as the real and imaginary parts of 256
/// complex values, a 256-point complex FFT taken as a 16 x 16 matrix (16-point DFTs down the columns, twiddles, a
/// transpose, 16-point DFTs down the columns again: no bit reversal, every step 8 lanes wide), then the split step
/// that separates the two real spectra; the inverse runs the same steps backwards. Not thread-safe: one instance
/// per thread.
/// </summary>
public sealed class RealFft512
{
    private const int N = 512;
    private const int Half = N / 2;
    private const int Side = 16;
    private const int Lanes = 8;

    private static readonly float[] TwiddleRe = new float[Half];
    private static readonly float[] TwiddleIm = new float[Half];
    private static readonly float[] SplitRe = new float[Half];
    private static readonly float[] SplitIm = new float[Half];
    private static readonly Vector256<int> Reversed = Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0);
    private static readonly Vector256<int> EvensThenOdds = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
    private static readonly Vector256<int> Interleaved = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);

    // W16^j for j = 0..9, the twiddles inside a 16-point DFT taken as 4 x 4.
    private static readonly float[] SixteenRe = Enumerable.Range(0, 10).Select(j => (float)Math.Cos(-2 * Math.PI * j / Side)).ToArray();
    private static readonly float[] SixteenIm = Enumerable.Range(0, 10).Select(j => (float)Math.Sin(-2 * Math.PI * j / Side)).ToArray();

    private readonly float[] _re = new float[Half];
    private readonly float[] _im = new float[Half];
    private readonly float[] _outRe = new float[Half];
    private readonly float[] _outIm = new float[Half];

    static RealFft512()
    {
        // Between the two passes, row q and column c is multiplied by W256^(q c).
        for (var q = 0; q < Side; q++)
        {
            for (var c = 0; c < Side; c++)
            {
                TwiddleRe[q * Side + c] = (float)Math.Cos(-2 * Math.PI * q * c / Half);
                TwiddleIm[q * Side + c] = (float)Math.Sin(-2 * Math.PI * q * c / Half);
            }
        }

        for (var k = 0; k < Half; k++)
        {
            SplitRe[k] = (float)Math.Cos(-2 * Math.PI * k / N);
            SplitIm[k] = (float)Math.Sin(-2 * Math.PI * k / N);
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
        power[0] = Square(_outRe[0] + _outIm[0]);
        ref var output = ref MemoryMarshal.GetReference(power);

        // Blocks k = 1..128 and their mirrors 255..128 cover every bin; 128, its own mirror, is written twice alike.
        for (var k = 1; k <= Half / 2; k += Lanes)
        {
            var (xr, xi, yr, yi) = Split(k);
            (xr * xr + xi * xi).StoreUnsafe(ref output, (nuint)k);
            Reverse(yr * yr + yi * yi).StoreUnsafe(ref output, (nuint)(Half - k - Lanes + 1));
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
        real[0] = _outRe[0] + _outIm[0];
        imaginary[0] = 0;
        real[Half] = _outRe[0] - _outIm[0];
        imaginary[Half] = 0;
        ref var re = ref MemoryMarshal.GetReference(real);
        ref var im = ref MemoryMarshal.GetReference(imaginary);
        for (var k = 1; k <= Half / 2; k += Lanes)
        {
            var (xr, xi, yr, yi) = Split(k);
            var mirror = (nuint)(Half - k - Lanes + 1);
            xr.StoreUnsafe(ref re, (nuint)k);
            xi.StoreUnsafe(ref im, (nuint)k);
            Reverse(yr).StoreUnsafe(ref re, mirror);
            Reverse(yi).StoreUnsafe(ref im, mirror);
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

        // Z[k] = E[k] + i·O[k] with E = (X[k] + conj X[256-k]) / 2 and O = (X[k] - conj X[256-k]) · conj(W^k) / 2,
        // and Z[256-k] = conj E[k] + i·conj O[k]; z = IFFT(Z) packs the even samples as re and the odd as im.
        // IFFT(Z) = conj(FFT(conj Z)) / 256, so conj Z is stored.
        ref var re = ref MemoryMarshal.GetReference(real);
        ref var im = ref MemoryMarshal.GetReference(imaginary);
        var half = Vector256.Create(0.5f);
        for (var k = 1; k <= Half / 2; k += Lanes)
        {
            var mirror = (nuint)(Half - k - Lanes + 1);
            var xr = Vector256.LoadUnsafe(ref re, (nuint)k);
            var xi = Vector256.LoadUnsafe(ref im, (nuint)k);
            var cr = Reverse(Vector256.LoadUnsafe(ref re, mirror));
            var ci = -Reverse(Vector256.LoadUnsafe(ref im, mirror));
            var (er, ei) = (half * (xr + cr), half * (xi + ci));
            var (dr, di) = (half * (xr - cr), half * (xi - ci));
            var wr = Vector256.LoadUnsafe(ref SplitRe[0], (nuint)k);
            var wi = -Vector256.LoadUnsafe(ref SplitIm[0], (nuint)k);
            var or = dr * wr - di * wi;
            var oi = dr * wi + di * wr;
            (er - oi).StoreUnsafe(ref _re[0], (nuint)k);
            (-(ei + or)).StoreUnsafe(ref _im[0], (nuint)k);
            Reverse(er + oi).StoreUnsafe(ref _re[0], mirror);
            Reverse(ei - or).StoreUnsafe(ref _im[0], mirror);
        }

        float r0 = real[0], rn = real[Half];
        _re[0] = 0.5f * (r0 + rn);
        _im[0] = -0.5f * (r0 - rn);
        ComplexTransform();

        ref var output = ref MemoryMarshal.GetReference(frame);
        var scale = Vector256.Create(1f / Half);
        for (var n = 0; n < Half; n += Lanes)
        {
            var zr = Vector256.LoadUnsafe(ref _outRe[0], (nuint)n) * scale;
            var zi = -Vector256.LoadUnsafe(ref _outIm[0], (nuint)n) * scale;
            Vector256.Shuffle(Vector256.Create(zr.GetLower(), zi.GetLower()), Interleaved).StoreUnsafe(ref output, (nuint)(2 * n));
            Vector256.Shuffle(Vector256.Create(zr.GetUpper(), zi.GetUpper()), Interleaved).StoreUnsafe(ref output, (nuint)(2 * n + Lanes));
        }
    }

    private void PackedTransform(ReadOnlySpan<float> frame)
    {
        ref var input = ref MemoryMarshal.GetReference(frame);
        for (var n = 0; n < Half; n += Lanes)
        {
            var low = Vector256.Shuffle(Vector256.LoadUnsafe(ref input, (nuint)(2 * n)), EvensThenOdds);
            var high = Vector256.Shuffle(Vector256.LoadUnsafe(ref input, (nuint)(2 * n + Lanes)), EvensThenOdds);
            Vector256.Create(low.GetLower(), high.GetLower()).StoreUnsafe(ref _re[0], (nuint)n);
            Vector256.Create(low.GetUpper(), high.GetUpper()).StoreUnsafe(ref _im[0], (nuint)n);
        }

        ComplexTransform();
    }

    /// <summary>
    /// X[k] and X[256-k] for k = <paramref name="first"/>..+7 from the packed transform Z in <c>_out</c>, the mirror
    /// lanes in descending order: E = (Z[k] + conj Z[256-k]) / 2, O = (Z[k] - conj Z[256-k]) / 2i, T = W^k·O,
    /// X[k] = E + T and X[256-k] = conj(E - T).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (Vector256<float> Re, Vector256<float> Im, Vector256<float> MirrorRe, Vector256<float> MirrorIm) Split(int first)
    {
        var half = Vector256.Create(0.5f);
        var mirror = (nuint)(Half - first - Lanes + 1);
        var zr = Vector256.LoadUnsafe(ref _outRe[0], (nuint)first);
        var zi = Vector256.LoadUnsafe(ref _outIm[0], (nuint)first);
        var mr = Reverse(Vector256.LoadUnsafe(ref _outRe[0], mirror));
        var mi = Reverse(Vector256.LoadUnsafe(ref _outIm[0], mirror));
        var (er, ei) = (half * (zr + mr), half * (zi - mi));
        var (or, oi) = (half * (zi + mi), half * (mr - zr));
        var wr = Vector256.LoadUnsafe(ref SplitRe[0], (nuint)first);
        var wi = Vector256.LoadUnsafe(ref SplitIm[0], (nuint)first);
        var tr = wr * or - wi * oi;
        var ti = wr * oi + wi * or;
        return (er + tr, ei + ti, er - tr, ti - ei);
    }

    /// <summary>The 256-point FFT of <c>_re</c>/<c>_im</c> (row-major 16 x 16, natural order, overwritten) into <c>_out</c>, natural order.</summary>
    private void ComplexTransform()
    {
        // n = c + 16m, k = q + 16r: X[q + 16r] = Σ_c W16^(c r) · W256^(c q) · Σ_m z[c + 16m] W16^(m q).
        Columns(_re, _im, _outRe, _outIm, twiddled: true);
        Transpose(_outRe, _re);
        Transpose(_outIm, _im);
        Columns(_re, _im, _outRe, _outIm, twiddled: false);
    }

    /// <summary>A 16-point DFT down each of the 16 columns (rows in natural order on both sides, the input overwritten), as 4 x 4.</summary>
    private static void Columns(float[] re, float[] im, float[] outRe, float[] outIm, bool twiddled)
    {
        for (var lane = 0; lane < Side; lane += Lanes)
        {
            ref var r = ref re[lane];
            ref var i = ref im[lane];

            // m = m1 + 4 m2, q = q2 + 4 q1: 4-point DFTs over m2, twiddles W16^(m1 q2), 4-point DFTs over m1.
            for (var m1 = 0; m1 < 4; m1++)
            {
                Dft4(ref r, ref i, m1);
            }

            for (var q2 = 0; q2 < 4; q2++)
            {
                var (a0r, a0i) = Row(ref r, ref i, 4 * q2);
                var (a1r, a1i) = Rotate(Row(ref r, ref i, 4 * q2 + 1), q2);
                var (a2r, a2i) = Rotate(Row(ref r, ref i, 4 * q2 + 2), 2 * q2);
                var (a3r, a3i) = Rotate(Row(ref r, ref i, 4 * q2 + 3), 3 * q2);
                var (t0r, t0i, t1r, t1i) = (a0r + a2r, a0i + a2i, a0r - a2r, a0i - a2i);
                var (t2r, t2i, t3r, t3i) = (a1r + a3r, a1i + a3i, a1r - a3r, a1i - a3i);
                Store(outRe, outIm, lane, q2, t0r + t2r, t0i + t2i, twiddled);
                Store(outRe, outIm, lane, q2 + 4, t1r + t3i, t1i - t3r, twiddled);
                Store(outRe, outIm, lane, q2 + 8, t0r - t2r, t0i - t2i, twiddled);
                Store(outRe, outIm, lane, q2 + 12, t1r - t3i, t1i + t3r, twiddled);
            }
        }
    }

    /// <summary>In place, the 4-point DFT of rows <paramref name="group"/> + 4j (j = 0..3): output j goes to row group + 4j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dft4(ref float r, ref float i, int group)
    {
        var (a0r, a0i) = Row(ref r, ref i, group);
        var (a1r, a1i) = Row(ref r, ref i, group + 4);
        var (a2r, a2i) = Row(ref r, ref i, group + 8);
        var (a3r, a3i) = Row(ref r, ref i, group + 12);
        var (t0r, t0i, t1r, t1i) = (a0r + a2r, a0i + a2i, a0r - a2r, a0i - a2i);
        var (t2r, t2i, t3r, t3i) = (a1r + a3r, a1i + a3i, a1r - a3r, a1i - a3i);
        SetRow(ref r, ref i, group, t0r + t2r, t0i + t2i);
        SetRow(ref r, ref i, group + 4, t1r + t3i, t1i - t3r);
        SetRow(ref r, ref i, group + 8, t0r - t2r, t0i - t2i);
        SetRow(ref r, ref i, group + 12, t1r - t3i, t1i + t3r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float>, Vector256<float>) Row(ref float r, ref float i, int row) =>
        (Vector256.LoadUnsafe(ref r, (nuint)(row * Side)), Vector256.LoadUnsafe(ref i, (nuint)(row * Side)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetRow(ref float r, ref float i, int row, Vector256<float> re, Vector256<float> im)
    {
        re.StoreUnsafe(ref r, (nuint)(row * Side));
        im.StoreUnsafe(ref i, (nuint)(row * Side));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float>, Vector256<float>) Rotate((Vector256<float> Re, Vector256<float> Im) value, int power)
    {
        var (wr, wi) = (Vector256.Create(SixteenRe[power]), Vector256.Create(SixteenIm[power]));
        return (wr * value.Re - wi * value.Im, wr * value.Im + wi * value.Re);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float[] outRe, float[] outIm, int lane, int row, Vector256<float> re, Vector256<float> im, bool twiddled)
    {
        var at = (nuint)(row * Side + lane);
        if (twiddled)
        {
            var wr = Vector256.LoadUnsafe(ref TwiddleRe[0], at);
            var wi = Vector256.LoadUnsafe(ref TwiddleIm[0], at);
            (re, im) = (wr * re - wi * im, wr * im + wi * re);
        }

        re.StoreUnsafe(ref outRe[0], at);
        im.StoreUnsafe(ref outIm[0], at);
    }

    /// <summary>destination[c, q] = source[q, c] for the 16 x 16 matrix.</summary>
    internal static void Transpose(float[] source, float[] destination, bool avx = true)
    {
        if (!(avx && Avx.IsSupported))
        {
            for (var q = 0; q < Side; q++)
            {
                for (var c = 0; c < Side; c++)
                {
                    destination[c * Side + q] = source[q * Side + c];
                }
            }

            return;
        }

        for (var rowBlock = 0; rowBlock < Side; rowBlock += Lanes)
        {
            for (var columnBlock = 0; columnBlock < Side; columnBlock += Lanes)
            {
                Transpose8(ref source[rowBlock * Side + columnBlock], ref destination[columnBlock * Side + rowBlock]);
            }
        }
    }

    /// <summary>An 8 x 8 block (rows 16 floats apart) transposed into another.</summary>
    private static void Transpose8(ref float source, ref float destination)
    {
        var r0 = Vector256.LoadUnsafe(ref source, 0 * Side);
        var r1 = Vector256.LoadUnsafe(ref source, 1 * Side);
        var r2 = Vector256.LoadUnsafe(ref source, 2 * Side);
        var r3 = Vector256.LoadUnsafe(ref source, 3 * Side);
        var r4 = Vector256.LoadUnsafe(ref source, 4 * Side);
        var r5 = Vector256.LoadUnsafe(ref source, 5 * Side);
        var r6 = Vector256.LoadUnsafe(ref source, 6 * Side);
        var r7 = Vector256.LoadUnsafe(ref source, 7 * Side);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).StoreUnsafe(ref destination, 0 * Side);
        Avx.Permute2x128(s1, s5, 0x20).StoreUnsafe(ref destination, 1 * Side);
        Avx.Permute2x128(s2, s6, 0x20).StoreUnsafe(ref destination, 2 * Side);
        Avx.Permute2x128(s3, s7, 0x20).StoreUnsafe(ref destination, 3 * Side);
        Avx.Permute2x128(s0, s4, 0x31).StoreUnsafe(ref destination, 4 * Side);
        Avx.Permute2x128(s1, s5, 0x31).StoreUnsafe(ref destination, 5 * Side);
        Avx.Permute2x128(s2, s6, 0x31).StoreUnsafe(ref destination, 6 * Side);
        Avx.Permute2x128(s3, s7, 0x31).StoreUnsafe(ref destination, 7 * Side);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Reverse(Vector256<float> value) => Vector256.Shuffle(value, Reversed);

    private static float Square(float x) => x * x;
}
