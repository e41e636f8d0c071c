using System.Numerics.Tensors;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// The cell map sharpened by the signal inside each cell: a pixel whose power holds steady in time (the mean over
/// ±<see cref="ContextFrames"/> frames at its bin, H) more than it spreads across frequency (the mean over
/// ±<c>halfBand</c> bins of its frame, B) is tonal, as sustained notes and their harmonics are; one where B outweighs
/// H is broadband or a transient, as most noise is. The interpolated cell probability p is the prior and
/// (H/B)^sharpness the likelihood ratio: gain = p·H^s / (p·H^s + (1 − p)·B^s).
/// </summary>
public sealed class SignalGuidedMask : ISpectralMask
{
    private const int Bins = RealFft512.SpectrumBins;
    private readonly CellInterpolation _cells;
    private readonly int _halfBand;
    private readonly int _sharpness;
    private readonly float[] _prior = new float[Bins];
    private readonly float[] _steady = new float[Bins];
    private readonly float[] _spread = new float[Bins];

    public SignalGuidedMask(ProbabilityMap map, int contextFrames = DefaultContextFrames, int halfBand = DefaultHalfBand, int sharpness = DefaultSharpness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contextFrames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(halfBand, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sharpness, 1);
        _cells = new CellInterpolation(map);
        ContextFrames = contextFrames;
        _halfBand = halfBand;
        _sharpness = sharpness;
    }

    public const int DefaultContextFrames = 16;
    public const int DefaultHalfBand = 2;
    public const int DefaultSharpness = 1;

    public int ContextFrames { get; }

    public void Gains(long frame, SpectralContext context, Span<float> gains)
    {
        _cells.Fill(frame, _prior);
        _steady.AsSpan().Clear();
        for (var offset = -ContextFrames; offset <= ContextFrames; offset++)
        {
            TensorPrimitives.Add(_steady, context.Power(offset), _steady);
        }

        BandMeans(context.Power(0), _spread);
        TensorPrimitives.Multiply(_steady, 1f / (2 * ContextFrames + 1), _steady);
        for (var s = 1; s < _sharpness; s++)
        {
            TensorPrimitives.Multiply(_steady, _steady, _steady);
            TensorPrimitives.Multiply(_spread, _spread, _spread);
        }

        for (var bin = 0; bin < Bins; bin++)
        {
            var p = _prior[bin];
            var music = p * _steady[bin];
            var total = music + (1 - p) * _spread[bin];
            gains[bin] = total > 0 ? music / total : p;
        }
    }

    /// <summary>Mean power over ±halfBand bins (fewer at the ends), by a running sum.</summary>
    private void BandMeans(ReadOnlySpan<float> power, Span<float> means)
    {
        double sum = 0;
        var count = 0;
        for (var bin = 0; bin < Math.Min(_halfBand, Bins); bin++)
        {
            sum += power[bin];
            count++;
        }

        for (var bin = 0; bin < Bins; bin++)
        {
            var entering = bin + _halfBand;
            if (entering < Bins)
            {
                sum += power[entering];
                count++;
            }

            var leaving = bin - _halfBand - 1;
            if (leaving >= 0)
            {
                sum -= power[leaving];
                count--;
            }

            means[bin] = (float)(Math.Max(0, sum) / count);
        }
    }
}
