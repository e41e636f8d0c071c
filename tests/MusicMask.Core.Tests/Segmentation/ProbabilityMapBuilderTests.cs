using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class ProbabilityMapBuilderTests
{
    private const int Bands = WindowGrid.BandPositions;

    private static ProbabilityMap Build(WindowGrid grid, Func<int, long, float> probability, bool reverse = false)
    {
        var builder = new ProbabilityMapBuilder();
        var indices = Enumerable.Range(0, grid.TileCount);
        foreach (var index in reverse ? indices.Reverse() : indices)
        {
            var range = grid.Tile(index);
            var values = new float[Bands * range.Windows];
            for (var band = 0; band < Bands; band++)
            {
                for (var w = 0; w < range.Windows; w++)
                {
                    values[band * range.Windows + w] = probability(band, range.FirstWindow + w);
                }
            }

            builder.Add(new WindowScores(index, range.FirstWindow, range.Windows, values));
        }

        return builder.Build(grid);
    }

    [Fact]
    public void OneWindowAloneIsDividedByEachCellsCoverCount()
    {
        // 256 frames: one window column. Only band 0 says music (1.0).
        var grid = new WindowGrid(256);
        var map = Build(grid, (band, _) => band == 0 ? 1f : 0f);
        Assert.Equal(16, map.Columns);
        // Row 0 is covered by band 0 only; row 1 by bands 0-1; row 2 by 0-2; row 3 by 0-3; row 4 by 1-4.
        Assert.Equal(1f, map[0, 0]);
        Assert.Equal(1f / 2, map[1, 5]);
        Assert.Equal(1f / 3, map[2, 9]);
        Assert.Equal(1f / 4, map[3, 15]);
        Assert.Equal(0f, map[4, 0]);
    }

    [Fact]
    public void InnerCellsAverageSixtyFourWindows()
    {
        // Window column j says j (band-independent): cell column c averages j over max(0,c-15)..min(J-1,c).
        var grid = new WindowGrid(256 + 16 * 40);
        var map = Build(grid, (_, j) => j);
        Assert.Equal(Enumerable.Range(5, 16).Average(), map[8, 20], 4);
        Assert.Equal(Enumerable.Range(0, 4).Average(), map[8, 3], 4);
        var lastColumn = (int)grid.CellColumns - 1;
        var lastWindow = (int)grid.WindowColumns - 1;
        Assert.Equal(Enumerable.Range(lastColumn - 15, lastWindow - (lastColumn - 15) + 1).Average(), map[15, lastColumn], 4);
    }

    [Fact]
    public void StitchEqualsBruteForceMeanOverCoveringWindows()
    {
        var grid = new WindowGrid(1000, windowsPerTile: 7);
        var random = new Random(4);
        var p = new float[Bands, grid.WindowColumns];
        for (var b = 0; b < Bands; b++)
        {
            for (var j = 0; j < grid.WindowColumns; j++)
            {
                p[b, j] = random.NextSingle();
            }
        }

        var map = Build(grid, (b, j) => p[b, j], reverse: true);
        for (var r = 0; r < 16; r++)
        {
            for (var c = 0; c < grid.CellColumns; c++)
            {
                double sum = 0;
                var count = 0;
                for (var b = 0; b < Bands; b++)
                {
                    for (var j = 0; j < grid.WindowColumns; j++)
                    {
                        if (r >= b && r < b + 4 && c >= j && c < j + 16)
                        {
                            sum += p[b, j];
                            count++;
                        }
                    }
                }

                Assert.Equal(sum / count, map[r, c], 1e-6);
            }
        }
    }

    [Fact]
    public void DuplicatesAreIgnoredAndMissingTilesRefused()
    {
        var grid = new WindowGrid(3000, windowsPerTile: 16);
        var builder = new ProbabilityMapBuilder();
        var range = grid.Tile(0);
        var scores = new WindowScores(0, range.FirstWindow, range.Windows, new float[Bands * range.Windows]);
        Assert.True(builder.Add(scores));
        Assert.False(builder.Add(scores));
        Assert.Contains("tile 1", Assert.Throws<InvalidOperationException>(() => builder.Build(grid)).Message);
    }

    [Fact]
    public void MaskIsProbabilityAboveOneHalf()
    {
        var map = new ProbabilityMap(1, [0.2f, 0.5f, 0.51f, 0.9f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        Assert.Equal([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], map.Mask());
    }
}
