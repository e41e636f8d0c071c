namespace MusicMask.Segmentation;

/// <summary>
/// The music probability of every 16x16 cell, row-major [16, Columns], row 0 the lowest frequencies:
/// the mean of the probabilities of all windows covering the cell.
/// </summary>
public sealed record ProbabilityMap(int Columns, float[] Values)
{
    public const int Rows = WindowGrid.CellRows;

    /// <summary>Music probability at or below which a cell is noise.</summary>
    public const float Threshold = 0.5f;

    public float this[int row, int column] => Values[row * Columns + column];

    /// <summary>The hard mask: 1 where p(music) &gt; p(noise), i.e. p &gt; 0.5.</summary>
    public byte[] Mask() => Values.Select(p => p > Threshold ? (byte)1 : (byte)0).ToArray();

    /// <summary>
    /// Music probability of one time column: the best band one window tall (4 cell rows), so music confined
    /// to part of the spectrum still counts.
    /// </summary>
    public float ColumnProbability(int column)
    {
        var best = 0f;
        for (var band = 0; band + WindowGrid.CellsPerWindowRow <= Rows; band++)
        {
            var sum = 0f;
            for (var row = band; row < band + WindowGrid.CellsPerWindowRow; row++)
            {
                sum += this[row, column];
            }

            best = Math.Max(best, sum / WindowGrid.CellsPerWindowRow);
        }

        return best;
    }
}
