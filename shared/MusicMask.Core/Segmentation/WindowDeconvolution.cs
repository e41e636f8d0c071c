namespace MusicMask.Segmentation;

/// <summary>
/// A sharper cell map than the paper's mean: the cell values q in [0, 1] whose mean over each window's 4x16 cells
/// best explains the window probabilities, found by Richardson-Lucy iterations started from the mean map
/// (q ← q · Bᵀ(w / Bq) / Bᵀ1, B the window-mean operator). The mean map is Bᵀw / Bᵀ1: one window scoring
/// high spreads over all 64 of its cells, and the iterations give it back to the cells that the overlapping
/// windows agree on.
/// </summary>
public static class WindowDeconvolution
{
    /// <summary>
    /// On the validation split at 0 dB (`eval --separation`, 24 excerpt pairs), the sharpened map as a soft mask
    /// improved SI-SDR by 2.12 dB after 3 iterations, 2.15 after 5, 2.17 after 8, 2.11 after 20 and 1.46 after 100
    /// (noise amplified), against 1.76 for the mean map; squaring either gain does as well (model card).
    /// </summary>
    public const int DefaultIterations = 8;

    private const int Rows = WindowGrid.CellRows;
    private const int Bands = WindowGrid.BandPositions;
    private const int Tall = WindowGrid.CellsPerWindowRow;
    private const int Wide = WindowGrid.CellsPerWindowColumn;

    /// <param name="windows">Every window's probability, band-major [13, window columns].</param>
    public static ProbabilityMap Sharpen(WindowGrid grid, ReadOnlySpan<float> windows, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        var windowColumns = (int)grid.WindowColumns;
        if (windows.Length != Bands * windowColumns)
        {
            throw new ArgumentException($"needs {Bands} x {windowColumns} window probabilities, not {windows.Length}", nameof(windows));
        }

        var columns = windowColumns + Wide - 1;
        var ones = new float[windows.Length];
        Array.Fill(ones, 1f);
        var coverage = new float[Rows * columns];
        Adjoint(ones, windowColumns, columns, coverage);
        var cells = new float[Rows * columns];
        Adjoint(windows, windowColumns, columns, cells);
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] /= coverage[i];
        }

        var predicted = new float[windows.Length];
        var ratio = new float[windows.Length];
        var correction = new float[cells.Length];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Forward(cells, windowColumns, columns, predicted);
            for (var i = 0; i < ratio.Length; i++)
            {
                ratio[i] = windows[i] / Math.Max(predicted[i], 1e-6f);
            }

            Adjoint(ratio, windowColumns, columns, correction);
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] *= correction[i] / coverage[i];
            }
        }

        var real = (int)grid.CellColumns;
        var values = new float[Rows * real];
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < real; column++)
            {
                values[row * real + column] = Math.Clamp(cells[row * columns + column], 0f, 1f);
            }
        }

        return new ProbabilityMap(real, values);
    }

    /// <summary>Window (b, j) = mean of cells rows b..b+3, columns j..j+15.</summary>
    private static void Forward(float[] cells, int windowColumns, int columns, float[] windows)
    {
        var sums = new float[Rows * windowColumns];
        for (var row = 0; row < Rows; row++)
        {
            var line = cells.AsSpan(row * columns, columns);
            float running = 0;
            for (var c = 0; c < Wide; c++)
            {
                running += line[c];
            }

            for (var j = 0; j < windowColumns; j++)
            {
                sums[row * windowColumns + j] = running;
                if (j + Wide < columns)
                {
                    running += line[j + Wide] - line[j];
                }
            }
        }

        for (var band = 0; band < Bands; band++)
        {
            for (var j = 0; j < windowColumns; j++)
            {
                float sum = 0;
                for (var row = band; row < band + Tall; row++)
                {
                    sum += sums[row * windowColumns + j];
                }

                windows[band * windowColumns + j] = sum / (Tall * Wide);
            }
        }
    }

    /// <summary>Cell (r, c) = sum over the windows covering it of their value, / 64: the transpose of <see cref="Forward"/>.</summary>
    private static void Adjoint(ReadOnlySpan<float> windows, int windowColumns, int columns, float[] cells)
    {
        for (var row = 0; row < Rows; row++)
        {
            var (first, last) = (Math.Max(0, row - Tall + 1), Math.Min(Bands - 1, row));
            float running = 0;
            for (var c = 0; c < columns; c++)
            {
                if (c < windowColumns)
                {
                    for (var band = first; band <= last; band++)
                    {
                        running += windows[band * windowColumns + c];
                    }
                }

                if (c - Wide >= 0)
                {
                    for (var band = first; band <= last; band++)
                    {
                        running -= windows[band * windowColumns + c - Wide];
                    }
                }

                cells[row * columns + c] = running / (Tall * Wide);
            }
        }
    }
}
