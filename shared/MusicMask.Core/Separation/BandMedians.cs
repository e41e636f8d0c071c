using MusicMask.Outputs;

namespace MusicMask.Separation;

/// <summary>
/// The running median level of each of the preview's 128 bands (2 bins each) over ±<see cref="LevelGate.HalfSpanColumns"/>
/// cell columns (±3 s), kept in the preview's own byte quantisation: 128 bytes per cell column, as small as the
/// preview itself, so a long file's medians cost what its overlay does.
/// </summary>
public sealed class BandMedians
{
    private readonly byte[] _values;

    private BandMedians(byte[] values, int columns)
    {
        _values = values;
        Columns = columns;
    }

    public int Columns { get; }

    /// <summary>The quantised median of <paramref name="band"/> at <paramref name="column"/>; read with <see cref="SpectrogramPreview.Decibels(byte)"/>.</summary>
    public byte this[int band, int column] => _values[band * Columns + column];

    public static BandMedians Of(SpectrogramPreview preview, int halfSpan = LevelGate.HalfSpanColumns)
    {
        var columns = preview.Columns;
        if (columns < 1)
        {
            throw new ArgumentException("the preview has no columns", nameof(preview));
        }

        var values = new byte[SpectrogramPreview.Rows * columns];
        var (line, medians) = (new int[columns], new int[columns]);
        for (var band = 0; band < SpectrogramPreview.Rows; band++)
        {
            for (var column = 0; column < columns; column++)
            {
                line[column] = preview.Quantised(band, column);
            }

            SlidingMedian.Along(line, byte.MaxValue + 1, halfSpan, medians);
            for (var column = 0; column < columns; column++)
            {
                values[band * columns + column] = (byte)medians[column];
            }
        }

        return new BandMedians(values, columns);
    }
}
