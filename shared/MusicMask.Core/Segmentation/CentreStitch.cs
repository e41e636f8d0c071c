namespace MusicMask.Segmentation;

/// <summary>
/// The cell map of a model trained to report the centre of each window (its central 2x2 cells, rows 1-2 and
/// columns 7-8 from its first cell): cell (r, c) is the mean of the up to four windows centred on it, bands r-2..r-1
/// and window columns c-8..c-7; cells no window is centred on (the outer bands, the first and last half window)
/// take the nearest window that is.
/// </summary>
public static class CentreStitch
{
    public const int CentreCells = 2;
    public const int RowOffset = (WindowGrid.CellsPerWindowRow - CentreCells) / 2;
    public const int ColumnOffset = (WindowGrid.CellsPerWindowColumn - CentreCells) / 2;

    public static ProbabilityMap Stitch(WindowGrid grid, ReadOnlySpan<float> windows)
    {
        var columns = (int)grid.CellColumns;
        var windowColumns = (int)grid.WindowColumns;
        var values = new float[ProbabilityMap.Rows * columns];
        for (var r = 0; r < ProbabilityMap.Rows; r++)
        {
            var (firstBand, lastBand) = Centred(r - RowOffset, WindowGrid.BandPositions);
            for (var c = 0; c < columns; c++)
            {
                var (firstColumn, lastColumn) = Centred(c - ColumnOffset, windowColumns);
                double sum = 0;
                for (var band = firstBand; band <= lastBand; band++)
                {
                    for (var column = firstColumn; column <= lastColumn; column++)
                    {
                        sum += windows[band * windowColumns + column];
                    }
                }

                values[r * columns + c] = (float)(sum / ((lastBand - firstBand + 1) * (lastColumn - firstColumn + 1)));
            }
        }

        return new ProbabilityMap(columns, values);
    }

    /// <summary>The window positions whose centre holds a cell at <paramref name="offset"/> past their first: offset - 1 and offset, clipped to the grid, or the nearest one.</summary>
    private static (int First, int Last) Centred(int offset, int positions)
    {
        var first = Math.Clamp(offset - CentreCells + 1, 0, positions - 1);
        var last = Math.Clamp(offset, 0, positions - 1);
        return (first, last);
    }
}
