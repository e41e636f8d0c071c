using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class WindowDeconvolutionTests
{
    /// <summary>Each window's probability as the mean of a known cell pattern under it: what a perfectly linear model would say.</summary>
    private static float[] WindowsOf(float[] cells, int cellColumns, WindowGrid grid)
    {
        var columns = (int)grid.WindowColumns;
        var windows = new float[WindowGrid.BandPositions * columns];
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var j = 0; j < columns; j++)
            {
                float sum = 0;
                for (var row = band; row < band + 4; row++)
                {
                    for (var column = j; column < j + 16; column++)
                    {
                        sum += column < cellColumns ? cells[row * cellColumns + column] : 0;
                    }
                }

                windows[band * columns + j] = sum / 64;
            }
        }

        return windows;
    }

    private static double Error(ProbabilityMap map, float[] truth) => map.Values.Zip(truth, (a, b) => Math.Abs(a - b)).Average();

    [Fact]
    public void WithoutIterationsItIsThePapersMean()
    {
        var grid = new WindowGrid(1_000);
        var windows = Enumerable.Range(0, 13 * (int)grid.WindowColumns).Select(i => (float)((i * 7919) % 101) / 100).ToArray();

        var sharpened = WindowDeconvolution.Sharpen(grid, windows, iterations: 0);
        var mean = ProbabilityMapBuilder.Stitch(grid, windows);

        Assert.Equal(mean.Columns, sharpened.Columns);
        for (var i = 0; i < mean.Values.Length; i++)
        {
            Assert.Equal(mean.Values[i], sharpened.Values[i], 1e-5);
        }
    }

    [Fact]
    public void ABlockOfMusicCellsIsRecoveredCloserThanByTheMean()
    {
        var grid = new WindowGrid(1_600);
        var columns = (int)grid.CellColumns;
        var truth = new float[16 * columns];
        for (var row = 2; row < 9; row++)
        {
            for (var column = 30; column < 60; column++)
            {
                truth[row * columns + column] = 1;
            }
        }

        var windows = WindowsOf(truth, columns, grid);
        var mean = WindowDeconvolution.Sharpen(grid, windows, iterations: 0);
        var sharpened = WindowDeconvolution.Sharpen(grid, windows);

        Assert.True(Error(sharpened, truth) < 0.7 * Error(mean, truth), $"mean error {Error(mean, truth):F3}, sharpened {Error(sharpened, truth):F3}");
        Assert.All(sharpened.Values, v => Assert.InRange(v, 0f, 1f));
        Assert.True(sharpened[5, 45] > mean[5, 45], "inside the block the sharpened map is nearer 1");
        Assert.True(sharpened[12, 45] < mean[12, 45] || mean[12, 45] == 0, "above the block it is nearer 0");
    }

    [Fact]
    public void TheWrongNumberOfWindowsIsRefused() =>
        Assert.Throws<ArgumentException>(() => WindowDeconvolution.Sharpen(new WindowGrid(300), new float[5]));
}
