using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class CentreStitchTests
{
    private const int Bands = WindowGrid.BandPositions;

    private static float[] Windows(WindowGrid grid, Func<int, int, float> probability)
    {
        var columns = (int)grid.WindowColumns;
        var windows = new float[Bands * columns];
        for (var band = 0; band < Bands; band++)
        {
            for (var column = 0; column < columns; column++)
            {
                windows[band * columns + column] = probability(band, column);
            }
        }

        return windows;
    }

    [Fact]
    public void OneWindowReachesOnlyItsFourCentralCellsEachAQuarter()
    {
        var grid = new WindowGrid(256 + 40 * 16);
        var map = CentreStitch.Stitch(grid, Windows(grid, (band, column) => band == 5 && column == 20 ? 1f : 0f));

        for (var r = 0; r < ProbabilityMap.Rows; r++)
        {
            for (var c = 0; c < map.Columns; c++)
            {
                var central = r is 6 or 7 && c is 27 or 28;
                Assert.Equal(central ? 0.25f : 0f, map[r, c]);
            }
        }
    }

    [Fact]
    public void CellsNoWindowIsCentredOnTakeTheNearestThatIs()
    {
        var grid = new WindowGrid(256 + 40 * 16);
        var lastColumn = (int)grid.WindowColumns - 1;
        var map = CentreStitch.Stitch(grid, Windows(grid, (band, column) => band * 1000 + column));

        Assert.Equal(0f, map[0, 0]);
        Assert.Equal(12_000f + lastColumn, map[15, map.Columns - 1]);
        Assert.Equal(12_000f, map[14, 3]);
        Assert.Equal(4_500f + 12.5f, map[6, 20]);
    }

    [Fact]
    public void AConstantWindowMapGivesTheSameConstantInEveryCell()
    {
        var grid = new WindowGrid(1_000);
        var map = CentreStitch.Stitch(grid, Windows(grid, (_, _) => 0.7f));

        Assert.All(map.Values, value => Assert.Equal(0.7f, value, 1e-6f));
    }
}
