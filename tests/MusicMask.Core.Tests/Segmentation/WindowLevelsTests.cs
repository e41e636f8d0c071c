using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Tests.Segmentation;

public class WindowLevelsTests
{
    [Fact]
    public void EachLevelIsTheMeanOfItsWindowsPixels()
    {
        const int bins = SpectrogramParameters.Bins;
        var range = new TileRange(0, 0, 7);
        var random = new Random(2);
        var frames = new float[range.Frames * bins];
        for (var i = 0; i < frames.Length; i++)
        {
            // A level that changes along time and frequency, so every window's mean differs.
            frames[i] = -100 + 0.2f * (i / bins) + 0.1f * (i % bins) + 5 * random.NextSingle();
        }

        var levels = WindowLevels.Of(new SpectrogramTile(range, frames));

        Assert.Equal(WindowGrid.BandPositions * range.Windows, levels.Length);
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var column = 0; column < range.Windows; column++)
            {
                double sum = 0;
                for (var t = column * WindowGrid.Stride; t < column * WindowGrid.Stride + WindowGrid.WindowWidth; t++)
                {
                    for (var b = band * WindowGrid.Stride; b < band * WindowGrid.Stride + WindowGrid.WindowHeight; b++)
                    {
                        sum += frames[t * bins + b];
                    }
                }

                Assert.Equal(sum / (WindowGrid.WindowHeight * WindowGrid.WindowWidth), levels[band * range.Windows + column], 3);
            }
        }

        Assert.True(levels.Distinct().Count() == levels.Length, "every window's level should differ");
    }
}
