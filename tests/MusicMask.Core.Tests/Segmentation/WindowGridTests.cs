using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class WindowGridTests
{
    [Theory]
    [InlineData(1, 256, 1, 1)]
    [InlineData(256, 256, 1, 16)]
    [InlineData(257, 272, 2, 17)]
    [InlineData(272, 272, 2, 17)]
    [InlineData(273, 288, 3, 18)]
    [InlineData(10_000, 10_000, 610, 625)]
    [InlineData(10_001, 10_016, 611, 626)]
    public void PaddingWindowsAndCells(long frames, long padded, long windowColumns, long cellColumns)
    {
        var grid = new WindowGrid(frames);
        Assert.Equal(padded, grid.PaddedFrames);
        Assert.Equal(windowColumns, grid.WindowColumns);
        Assert.Equal(cellColumns, grid.CellColumns);
        Assert.True(grid.PaddedFrames >= frames);
        Assert.Equal(0, (grid.PaddedFrames - 256) % 16);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(2288)]
    [InlineData(2289)]
    [InlineData(10_000)]
    public void TilesCoverEveryWindowOnceAndStayInsideThePaddedFrames(long frames)
    {
        var grid = new WindowGrid(frames);
        var covered = Enumerable.Range(0, grid.TileCount).Select(grid.Tile).SelectMany(t => Enumerable.Range(0, t.Windows).Select(w => t.FirstWindow + w)).ToArray();
        Assert.Equal(Enumerable.Range(0, (int)grid.WindowColumns).Select(i => (long)i), covered);
        var last = grid.Tile(grid.TileCount - 1);
        Assert.Equal(grid.PaddedFrames, last.EndFrame);
        Assert.All(Enumerable.Range(0, grid.TileCount).Select(grid.Tile), t => Assert.True(t.Frames <= grid.FramesPerFullTile));
    }
}
