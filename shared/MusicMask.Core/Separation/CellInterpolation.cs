using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// The cell map read at every pixel: bilinear between cell centres (bin 16r + 7.5, frame 16c + 7.5), held flat
/// beyond the outer centres, so the gain has no step at a cell's edge. Bin 256 (Nyquist) reads as bin 255, and the
/// frames before the first and after the last column as their nearest column.
/// </summary>
public sealed class CellInterpolation
{
    private const int Stride = WindowGrid.Stride;
    private static readonly (int Low, int High, float Weight)[] Rows = Enumerable.Range(0, RealFft512.SpectrumBins)
        .Select(bin => Between(Math.Min(bin, SpectrogramParameters.Bins - 1), WindowGrid.CellRows))
        .ToArray();

    private readonly ProbabilityMap _map;
    private readonly ColumnBlend _blend;

    public CellInterpolation(ProbabilityMap map)
    {
        if (map.Columns < 1)
        {
            throw new ArgumentException("the map has no columns", nameof(map));
        }

        _map = map;
        _blend = new ColumnBlend(map.Columns, FillColumn);
    }

    /// <summary>Fills 257 gains for <paramref name="frame"/>. Not thread-safe.</summary>
    public void Fill(long frame, Span<float> gains) => _blend.Fill(frame, gains);

    /// <summary>One column's gains: each bin between the two cell rows whose centres enclose it.</summary>
    private void FillColumn(int column, Span<float> gains)
    {
        var (values, columns) = (_map.Values, _map.Columns);
        for (var bin = 0; bin < gains.Length; bin++)
        {
            var (low, high, up) = Rows[bin];
            var below = values[low * columns + column];
            gains[bin] = below + up * (values[high * columns + column] - below);
        }
    }

    /// <summary>The two cells of <paramref name="size"/> pixels whose centres enclose pixel <paramref name="pixel"/>, and how far it is from the first.</summary>
    internal static (int Low, int High, float Weight) Between(long pixel, int cells, int size = Stride) =>
        new Scoring.PixelHeadGeometry.Axis((size - 1) / 2.0, size).Between(pixel, cells);
}
