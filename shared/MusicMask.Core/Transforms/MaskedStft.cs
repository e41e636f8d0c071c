using System.Numerics.Tensors;

namespace MusicMask.Transforms;

/// <summary>
/// Streaming mask-and-resynthesise on the analysis grid of <see cref="StftFramer"/>: each frame (periodic Hann 512,
/// hop 128) is transformed, multiplied by the gains of an <see cref="ISpectralMask"/>, inverted, windowed again and
/// overlap-added. The squared Hann windows at hop 128 sum to exactly 1.5, so with all gains 1 the output is the
/// input to float rounding. Three frames before the first (covering the zeros before sample 0) and the frames past
/// the end make every sample covered by four frames, the edges included.
/// </summary>
public sealed class MaskedStft
{
    /// <summary>Frames before frame 0 that reach into the signal.</summary>
    public const int LeadFrames = N / Hop - 1;

    private const int N = SpectrogramParameters.FftSize;
    private const int Hop = SpectrogramParameters.Hop;
    private const int Bins = RealFft512.SpectrumBins;

    /// <summary>Σ_k w²(n + 128k) for the periodic Hann window of 512: 3/8 · 512/128.</summary>
    private const float WindowSquareSum = 1.5f;

    private static readonly float[] SynthesisWindow = AnalysisWindow.Hann.Select(w => w / WindowSquareSum).ToArray();

    private readonly ISpectralMask _mask;
    private readonly Action<long, ReadOnlySpan<float>, ReadOnlySpan<float>> _onBlock;
    private readonly RealFft512 _fft = new();
    private readonly SpectralContext _context;
    private readonly float[][] _real;
    private readonly float[][] _imaginary;
    private readonly float[][] _input;
    private readonly float[] _pending = new float[N];
    private readonly float[] _frame = new float[N];
    private readonly float[] _gains = new float[Bins];
    private readonly float[] _maskedReal = new float[Bins];
    private readonly float[] _maskedImaginary = new float[Bins];
    private readonly float[] _overlap = new float[N];
    private readonly long _firstFrame;
    private int _filled;
    private long _nextFrame;

    /// <param name="mask">The gains of each frame.</param>
    /// <param name="onBlock">
    /// Receives, in order, the first sample's index and a block of input and masked output (the spans are reused
    /// after the call). From frame 0 on, the blocks together are the signal exactly; started later, the first
    /// 3 + <see cref="ISpectralMask.ContextFrames"/> blocks lack frames before them and are not final.
    /// </param>
    /// <param name="firstFrame">Where the fed samples begin, in hops: 0 for the signal's start.</param>
    public MaskedStft(ISpectralMask mask, Action<long, ReadOnlySpan<float>, ReadOnlySpan<float>> onBlock, long firstFrame = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        _mask = mask;
        _onBlock = onBlock;
        _context = new SpectralContext(mask.ContextFrames);
        var slots = 2 * mask.ContextFrames + 1;
        _real = Enumerable.Range(0, slots).Select(_ => new float[Bins]).ToArray();
        _imaginary = Enumerable.Range(0, slots).Select(_ => new float[Bins]).ToArray();
        _input = Enumerable.Range(0, slots).Select(_ => new float[Hop]).ToArray();
        _firstFrame = firstFrame == 0 ? -LeadFrames : firstFrame;
        _nextFrame = _firstFrame;
        _filled = firstFrame == 0 ? LeadFrames * Hop : 0;
        _context.Start(_firstFrame);
        FirstSample = firstFrame * Hop;
    }

    /// <summary>Index in the signal of the first sample fed.</summary>
    public long FirstSample { get; }

    /// <summary>Samples fed so far.</summary>
    public long Samples { get; private set; }

    public void Process(ReadOnlySpan<float> samples)
    {
        Samples += samples.Length;
        Feed(samples);
    }

    /// <summary>Ends the signal: the frames past its end are zero-padded and every remaining sample is delivered.</summary>
    public void Flush()
    {
        var lastFrame = (FirstSample + Samples + Hop - 1) / Hop - 1;
        Span<float> zeros = stackalloc float[Hop];
        while (_nextFrame <= lastFrame + _mask.ContextFrames)
        {
            Feed(zeros);
        }
    }

    private void Feed(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(N - _filled, samples.Length);
            samples[..take].CopyTo(_pending.AsSpan(_filled));
            _filled += take;
            samples = samples[take..];
            if (_filled == N)
            {
                Analyse(_nextFrame++);
                _pending.AsSpan(Hop).CopyTo(_pending);
                _filled -= Hop;
            }
        }
    }

    private void Analyse(long frame)
    {
        var slot = SlotOf(frame);
        TensorPrimitives.Multiply(_pending, AnalysisWindow.Hann, _frame);
        _fft.Forward(_frame, _real[slot], _imaginary[slot]);
        var power = _context.Slot(frame);
        TensorPrimitives.Multiply(_real[slot], _real[slot], power);
        TensorPrimitives.MultiplyAdd(_imaginary[slot], _imaginary[slot], power, power);
        _pending.AsSpan(0, Hop).CopyTo(_input[slot]);
        var masked = frame - _mask.ContextFrames;
        if (masked >= _firstFrame)
        {
            Resynthesise(masked);
        }
    }

    private void Resynthesise(long frame)
    {
        var slot = SlotOf(frame);
        _context.Centre(frame);
        _mask.Gains(frame, _context, _gains);
        TensorPrimitives.Multiply(_real[slot], _gains, _maskedReal);
        TensorPrimitives.Multiply(_imaginary[slot], _gains, _maskedImaginary);
        _fft.Inverse(_maskedReal, _maskedImaginary, _frame);
        TensorPrimitives.MultiplyAdd(_frame, SynthesisWindow, _overlap, _overlap);
        Deliver(frame * Hop, _input[slot], _overlap.AsSpan(0, Hop));
        _overlap.AsSpan(Hop).CopyTo(_overlap);
        _overlap.AsSpan(N - Hop).Clear();
    }

    /// <summary>Hands on the part of a block that lies inside the fed samples.</summary>
    private void Deliver(long start, ReadOnlySpan<float> input, ReadOnlySpan<float> output)
    {
        var from = Math.Max(start, FirstSample);
        var to = Math.Min(start + Hop, FirstSample + Samples);
        if (to > from)
        {
            var offset = (int)(from - start);
            var count = (int)(to - from);
            _onBlock(from, input.Slice(offset, count), output.Slice(offset, count));
        }
    }

    private int SlotOf(long frame)
    {
        var slots = _real.Length;
        return (int)(((frame % slots) + slots) % slots);
    }
}
