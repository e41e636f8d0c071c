using System.Collections.Concurrent;
using MusicMask.Scoring;

namespace MusicMask.Segmentation;

/// <summary>
/// Gathers the window probabilities of the tiles of one spectrogram (in any order; a repeated tile is ignored) and
/// averages them into the cell map once the grid is known, reading the windows with their
/// <see cref="TimeContext"/> first when the model has one. Thread-safe for concurrent <see cref="Add"/>.
/// </summary>
public sealed class ProbabilityMapBuilder(TimeContext? context = null)
{
    private const int Bands = WindowGrid.BandPositions;
    private readonly ConcurrentDictionary<int, WindowScores> _tiles = new();

    public int Count => _tiles.Count;

    /// <summary>Stores one tile's scores; returns false when that tile was already stored.</summary>
    public bool Add(WindowScores scores) => _tiles.TryAdd(scores.TileIndex, scores);

    /// <summary>Checks every tile of <paramref name="grid"/> is present with the right extent, then stitches.</summary>
    public ProbabilityMap Build(WindowGrid grid) => Stitch(grid, WindowProbabilities(grid));

    /// <summary>How the windows are read with the moments around them; null for each window as scored.</summary>
    public TimeContext? TimeContext { get; } = context;

    /// <summary>Every window's probability, band-major [13, windowColumns], checked complete against the grid, in its time context.</summary>
    public float[] WindowProbabilities(WindowGrid grid)
    {
        var windows = new float[Bands * grid.WindowColumns];
        for (var index = 0; index < grid.TileCount; index++)
        {
            if (!_tiles.TryGetValue(index, out var scores))
            {
                throw new InvalidOperationException($"tile {index} of {grid.TileCount} has no scores");
            }

            var expected = grid.Tile(index);
            if (expected.FirstWindow != scores.FirstWindow || expected.Windows != scores.Windows)
            {
                throw new InvalidDataException($"tile {index} should cover windows {expected.FirstWindow}+{expected.Windows}, its scores cover {scores.FirstWindow}+{scores.Windows}");
            }

            for (var band = 0; band < Bands; band++)
            {
                scores.Probabilities.AsSpan(band * scores.Windows, scores.Windows)
                    .CopyTo(windows.AsSpan((int)(band * grid.WindowColumns + scores.FirstWindow)));
            }
        }

        if (_tiles.Keys.Any(index => index >= grid.TileCount))
        {
            throw new InvalidDataException($"scores exist for tiles beyond the {grid.TileCount} of this spectrogram");
        }

        TimeContext?.Apply(windows, grid.WindowColumns);
        return windows;
    }

    /// <summary>
    /// Cell (r, c) = mean over the windows covering it: bands max(0, r-3)..min(12, r) and window columns
    /// max(0, c-15)..min(J-1, c). Computed separably with running sums along time.
    /// </summary>
    public static ProbabilityMap Stitch(WindowGrid grid, ReadOnlySpan<float> windows)
    {
        var columns = (int)grid.CellColumns;
        var windowColumns = (int)grid.WindowColumns;
        var span = WindowGrid.CellsPerWindowColumn;
        var timeSums = new double[Bands * columns];
        var timeCounts = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            timeCounts[c] = Math.Min(windowColumns - 1, c) - Math.Max(0, c - span + 1) + 1;
        }

        for (var band = 0; band < Bands; band++)
        {
            var row = windows.Slice(band * windowColumns, windowColumns);
            double running = 0;
            for (var c = 0; c < columns; c++)
            {
                if (c < windowColumns)
                {
                    running += row[c];
                }

                if (c - span >= 0 && c - span < windowColumns)
                {
                    running -= row[c - span];
                }

                timeSums[band * columns + c] = running;
            }
        }

        var values = new float[ProbabilityMap.Rows * columns];
        for (var r = 0; r < ProbabilityMap.Rows; r++)
        {
            var firstBand = Math.Max(0, r - WindowGrid.CellsPerWindowRow + 1);
            var lastBand = Math.Min(Bands - 1, r);
            var bandCount = lastBand - firstBand + 1;
            for (var c = 0; c < columns; c++)
            {
                double sum = 0;
                for (var band = firstBand; band <= lastBand; band++)
                {
                    sum += timeSums[band * columns + c];
                }

                values[r * columns + c] = (float)(sum / (bandCount * timeCounts[c]));
            }
        }

        return new ProbabilityMap(columns, values);
    }
}
