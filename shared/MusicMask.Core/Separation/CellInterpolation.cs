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
    private readonly float[] _column = new float[WindowGrid.CellRows];

    public CellInterpolation(ProbabilityMap map)
    {
        if (map.Columns < 1)
        {
            throw new ArgumentException("the map has no columns", nameof(map));
        }

        _map = map;
    }

    /// <summary>Fills 257 gains for <paramref name="frame"/>: the 16 rows read at the frame first, then each bin between two of them. Not thread-safe.</summary>
    public void Fill(long frame, Span<float> gains)
    {
        var (left, right, across) = Between(frame, _map.Columns);
        var values = _map.Values;
        var columns = _map.Columns;
        for (var row = 0; row < _column.Length; row++)
        {
            var before = values[row * columns + left];
            _column[row] = before + across * (values[row * columns + right] - before);
        }

        for (var bin = 0; bin < gains.Length; bin++)
        {
            var (low, high, up) = Rows[bin];
            gains[bin] = _column[low] + up * (_column[high] - _column[low]);
        }
    }

    /// <summary>The two cells whose centres enclose pixel <paramref name="pixel"/>, and how far it is from the first.</summary>
    private static (int Low, int High, float Weight) Between(long pixel, int cells)
    {
        var position = Math.Clamp((pixel - (Stride - 1) / 2.0) / Stride, 0, cells - 1);
        var low = (int)position;
        return (low, Math.Min(low + 1, cells - 1), (float)(position - low));
    }
}
