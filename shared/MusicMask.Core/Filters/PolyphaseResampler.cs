using System.Numerics;
using System.Runtime.InteropServices;

namespace MusicMask.Filters;

/// <summary>
/// Streaming rational resampler: a Kaiser-windowed sinc low-pass evaluated at exactly the L/M output phases
/// (polyphase), so every output sample costs one dot product of <see cref="Taps"/> inputs.
/// Output sample n sits at input time n·M/L, with no delay.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Stopband attenuation the filter is designed for.</summary>
    public const double StopbandDecibels = 80;

    /// <summary>Taps per phase at the lower of the two rates; the transition band is about 8% of that rate.</summary>
    public const int TapsAtLowerRate = 64;

    private readonly int _up;
    private readonly int _down;
    private readonly float[][] _phases;
    private readonly int _half;
    private readonly int _padded;

    // The zero taps past each phase's last read samples too: outputs wait for them, and Flush supplies them.
    private int Padding => _padded - Taps;
    private float[] _history;
    private int _historyCount;
    private long _historyStart;
    private long _nextOutput;
    private long _inputCount;

    public PolyphaseResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        InputRate = inputRate;
        OutputRate = outputRate;
        var lower = Math.Min(inputRate, outputRate);
        Taps = 2 * (int)Math.Ceiling(TapsAtLowerRate / 2.0 * inputRate / lower);
        _half = Taps / 2;

        // Each phase is padded with zeros to whole vectors, so the dot product has no scalar tail.
        _padded = (Taps + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var transition = KaiserWindow.TransitionWidth(StopbandDecibels, TapsAtLowerRate) * lower;
        CutoffHz = lower / 2.0 - 0.6 * transition;
        _phases = DesignPhases(CutoffHz / inputRate, KaiserWindow.BetaFor(StopbandDecibels));
        _history = new float[Taps + 8192];
        _historyStart = -_half + 1;
        _historyCount = _half - 1;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Input samples each output sample is computed from.</summary>
    public int Taps { get; }

    /// <summary>The -6 dB point of the anti-alias / anti-image filter.</summary>
    public double CutoffHz { get; }

    /// <summary>Output samples the whole input of <paramref name="inputSamples"/> yields: ceil(n·L/M).</summary>
    public long OutputLength(long inputSamples) => (inputSamples * _up + _down - 1) / _down;

    /// <summary>Resamples a whole in-memory signal in one call (stream with <see cref="Process"/> for long inputs).</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var output = new List<float>((int)resampler.OutputLength(input.Length));
        resampler.Process(input, s => output.AddRange(s));
        resampler.Flush(s => output.AddRange(s));
        return output.ToArray();
    }

    /// <summary>Feeds input; calls <paramref name="sink"/> with each run of finished output samples.</summary>
    public void Process(ReadOnlySpan<float> input, Action<ReadOnlySpan<float>> sink)
    {
        Append(input);
        _inputCount += input.Length;
        Emit(sink, long.MaxValue);
    }

    /// <summary>Ends the stream: the input is taken as zeros beyond its end, and the rest of the output is emitted.</summary>
    public void Flush(Action<ReadOnlySpan<float>> sink)
    {
        Append(new float[_half + Padding]);
        Emit(sink, OutputLength(_inputCount));
    }

    private void Emit(Action<ReadOnlySpan<float>> sink, long limit)
    {
        Span<float> output = stackalloc float[1024];
        var count = 0;
        var historyEnd = _historyStart + _historyCount;
        while (_nextOutput < limit)
        {
            var product = _nextOutput * _down;
            var center = product / _up;
            if (center + _half + Padding >= historyEnd)
            {
                break;
            }

            var phase = (int)(product - center * _up);
            var first = (int)(center - _half + 1 - _historyStart);
            output[count++] = Dot(_history.AsSpan(first, _padded), _phases[phase]);
            _nextOutput++;
            if (count == output.Length)
            {
                sink(output);
                count = 0;
            }
        }

        if (count > 0)
        {
            sink(output[..count]);
        }

        Discard();
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (_historyCount + input.Length > _history.Length)
        {
            Array.Resize(ref _history, Math.Max(_history.Length * 2, _historyCount + input.Length));
        }

        input.CopyTo(_history.AsSpan(_historyCount));
        _historyCount += input.Length;
    }

    private void Discard()
    {
        var firstNeeded = _nextOutput * _down / _up - _half + 1;
        var drop = (int)Math.Clamp(firstNeeded - _historyStart, 0, _historyCount);
        if (drop == 0)
        {
            return;
        }

        _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
        _historyCount -= drop;
        _historyStart += drop;
    }

    private float[][] DesignPhases(double cutoff, double beta)
    {
        var phases = new float[_up][];
        for (var p = 0; p < _up; p++)
        {
            var coefficients = new double[Taps];
            var fraction = (double)p / _up;
            var sum = 0.0;
            for (var k = 0; k < Taps; k++)
            {
                var tau = fraction + _half - 1 - k;
                var x = 2 * cutoff * tau;
                var sinc = Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
                coefficients[k] = 2 * cutoff * sinc * KaiserWindow.At(tau / _half, beta);
                sum += coefficients[k];
            }

            phases[p] = new float[_padded];
            for (var k = 0; k < Taps; k++)
            {
                phases[p][k] = (float)(coefficients[k] / sum);
            }
        }

        return phases;
    }

    /// <summary>
    /// Σ a[i]·b[i] over whole vectors, in two running sums so that consecutive multiply-adds need not wait on each
    /// other (faster than <c>TensorPrimitives.Dot</c> here: README, "Speed").
    /// </summary>
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // The caller passes equal lengths in whole vectors; unchecked loads keep the loop to its multiply-adds.
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var width = Vector<float>.Count;
        var (even, odd) = (Vector<float>.Zero, Vector<float>.Zero);
        var i = 0;
        for (; i + 2 * width <= b.Length; i += 2 * width)
        {
            even += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
            odd += Vector.LoadUnsafe(ref x, (nuint)(i + width)) * Vector.LoadUnsafe(ref y, (nuint)(i + width));
        }

        if (i < b.Length)
        {
            even += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
        }

        return Vector.Sum(even + odd);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
