using MusicMask.Segmentation;
using MusicMask.Separation;

namespace MusicMask.Tests.Separation;

public class CellInterpolationTests
{
    /// <summary>A checkerboard of 0 and 1 cells: the worst case for steps at cell edges.</summary>
    private static ProbabilityMap Checkerboard(int columns) =>
        new(columns, Enumerable.Range(0, 16 * columns).Select(i => (float)((i / columns + i % columns) % 2)).ToArray());

    private static float[][] Pixels(ProbabilityMap map, int frames, int firstFrame = 0)
    {
        var cells = new CellInterpolation(map);
        return Enumerable.Range(firstFrame, frames).Select(frame =>
        {
            var gains = new float[257];
            cells.Fill(frame, gains);
            return gains;
        }).ToArray();
    }

    [Fact]
    public void CellCentresKeepTheirValueAndNeighbouringPixelsDifferByAtMostOneSixteenthOfACellStep()
    {
        var map = Checkerboard(6);
        var pixels = Pixels(map, 96);

        // Centres sit between pixels 7 and 8 of a cell: the mean of the two is the cell's value.
        for (var row = 0; row < 16; row++)
        {
            for (var column = 0; column < 6; column++)
            {
                var (bin, frame) = (16 * row + 7, 16 * column + 7);
                var centre = (pixels[frame][bin] + pixels[frame][bin + 1] + pixels[frame + 1][bin] + pixels[frame + 1][bin + 1]) / 4;
                Assert.Equal(map[row, column], centre, 0.07);
            }
        }

        for (var frame = 0; frame < 96; frame++)
        {
            for (var bin = 0; bin < 256; bin++)
            {
                Assert.InRange(Math.Abs(pixels[frame][bin + 1] - pixels[frame][bin]), 0, 1 / 16f + 1e-6);
                if (frame > 0)
                {
                    Assert.InRange(Math.Abs(pixels[frame][bin] - pixels[frame - 1][bin]), 0, 1 / 16f + 1e-6);
                }
            }
        }
    }

    [Fact]
    public void NyquistReadsAsTheTopBinAndFramesOutsideTheMapAsTheNearestColumn()
    {
        var map = Checkerboard(3);
        var pixels = Pixels(map, 3 + 48 + 20, firstFrame: -3);

        Assert.All(pixels, frame => Assert.Equal(frame[255], frame[256]));
        Assert.Equal(pixels[3], pixels[0]);
        Assert.Equal(pixels[^1], pixels[3 + 48]);
        Assert.Equal(map[0, 0], pixels[3][0]);
        Assert.Equal(map[15, 2], pixels[^1][256]);
    }

    [Fact]
    public void AMapWithoutColumnsIsRefused() =>
        Assert.Throws<ArgumentException>(() => new CellInterpolation(new ProbabilityMap(0, [])));
}
