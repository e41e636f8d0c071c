using System.Numerics.Tensors;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// The soft mask `segment --audio` uses: the cell map (after the <see cref="LevelGate"/>) read at every pixel, each
/// pixel's gain further scaled by min(1, ceiling / power), where the ceiling is its 2-bin band's running median level
/// (<see cref="BandMedians"/>, read bilinearly between band and column centres) plus <see cref="AboveMedianDecibels"/>.
/// The cell gate takes a burst's 46 ms by 1.38 kHz cells; this one takes the burst's own frames and bins at the
/// STFT's resolution (11.6 ms by 86 Hz) and leaves the music's bins in them.
/// </summary>
public sealed class PixelGatedMask : ISpectralMask
{
    /// <summary>
    /// How far above its band's median a pixel may stand. At 0 dB on the validation split (`eval --separation --snr
    /// 0 --excerpts 60 --pixel-gate-db D`), 12 / 18 / 24 dB gave 6.46 / 7.11 / 6.96 dB against the cell gate's 6.51,
    /// and a draft at 6 dB about 3.1: a pixel's power swings far more than a cell's mean, so the ceiling sits high.
    /// </summary>
    public const float AboveMedianDecibels = 18f;

    private const int BinsPerBand = SpectrogramParameters.Bins / SpectrogramPreview.Rows;
    private static readonly (int Low, int High, float Weight)[] Bands = Enumerable.Range(0, RealFft512.SpectrumBins)
        .Select(bin => CellInterpolation.Between(Math.Min(bin, SpectrogramParameters.Bins - 1), SpectrogramPreview.Rows, BinsPerBand))
        .ToArray();

    private readonly CellInterpolation _cells;
    private readonly BandMedians _medians;
    private readonly ColumnBlend _ceilings;
    private readonly float[] _power = new float[byte.MaxValue + 1];
    private readonly float[] _gate = new float[RealFft512.SpectrumBins];

    public PixelGatedMask(ProbabilityMap map, BandMedians medians, float aboveMedian = AboveMedianDecibels)
    {
        _cells = new CellInterpolation(map);
        _medians = medians;
        _ceilings = new ColumnBlend(medians.Columns, FillColumn);
        for (var level = 0; level <= byte.MaxValue; level++)
        {
            _power[level] = MathF.Pow(10, (SpectrogramPreview.Decibels((byte)level) + aboveMedian) / 10);
        }
    }

    public int ContextFrames => 0;

    public void Gains(long frame, SpectralContext context, Span<float> gains)
    {
        _cells.Fill(frame, gains);
        _ceilings.Fill(frame, _gate);

        // min(1, ceiling / power): a silent bin (power 0) divides to infinity and keeps its gain.
        TensorPrimitives.Divide(_gate, context.Power(0), _gate);
        TensorPrimitives.Min(_gate, 1f, _gate);
        TensorPrimitives.Multiply(gains, _gate, gains);
    }

    /// <summary>One column's ceilings: each bin between the two bands whose centres enclose it, in power.</summary>
    private void FillColumn(int column, Span<float> ceilings)
    {
        for (var bin = 0; bin < ceilings.Length; bin++)
        {
            var (low, high, up) = Bands[bin];
            var below = _power[_medians[low, column]];
            ceilings[bin] = below + up * (_power[_medians[high, column]] - below);
        }
    }
}
