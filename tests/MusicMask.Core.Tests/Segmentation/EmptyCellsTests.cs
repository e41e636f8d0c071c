using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class EmptyCellsTests
{
    /// <summary>A preview of <paramref name="columns"/> cell columns whose 16 cell rows sit at the given levels.</summary>
    private static SpectrogramPreview Preview(int columns, params float[] rowLevels)
    {
        var preview = new SpectrogramPreview();
        var frame = new float[256];
        for (var bin = 0; bin < 256; bin++)
        {
            frame[bin] = rowLevels[bin / 16];
        }

        for (var i = 0; i < columns * WindowGrid.Stride; i++)
        {
            preview.AddFrame(frame);
        }

        preview.Complete();
        return preview;
    }

    private static readonly float[] SpeechLike = [20, 15, 10, 0, -10, -20, -30, -40, -45, -50, -60, -70, -72, -73, -73, -73];

    [Fact]
    public void CellsFarUnderTheLoudestOrAtTheFloorAreEmpty()
    {
        var empty = EmptyCells.Of(Preview(3, SpeechLike), 3, belowLoudest: 60);

        var rows = Enumerable.Range(0, 16).Where(r => empty[r * 3 + 1]).ToArray();
        Assert.Equal([8, 9, 10, 11, 12, 13, 14, 15], rows);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12, 13, 14, 15], Enumerable.Range(0, 16).Where(r => EmptyCells.Of(Preview(3, SpeechLike), 3, belowLoudest: 40)[r * 3]).ToArray());
        Assert.All(EmptyCells.Of(Preview(2, Enumerable.Repeat(-95f, 16).ToArray()), 2), Assert.True);
        Assert.All(EmptyCells.Of(Preview(2, Enumerable.Repeat(-60f, 16).ToArray()), 2), Assert.False);
    }

    [Fact]
    public void TheGateZeroesEmptyCellsAndKeepsTheRest()
    {
        var map = new ProbabilityMap(2, Enumerable.Repeat(0.9f, 32).ToArray());

        var gated = EmptyCells.Gate(map, Preview(2, SpeechLike), belowLoudest: 60);

        Assert.Equal(Enumerable.Range(0, 16).Select(r => r >= 8 ? 0f : 0.9f), Enumerable.Range(0, 16).Select(r => gated[r, 1]));
        Assert.Equal(0.9f, map[15, 1]);
    }
}
