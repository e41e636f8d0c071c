using MusicMask.Scoring;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Scoring;

public class PixelLogitsTests
{
    private const int Bins = 256;
    private const int Frames = 300;

    /// <summary>Every tap's map of the size a [256, 300] input gives it, all zeros.</summary>
    private static (float[] Values, int Rows, int Columns)[] ZeroMaps() =>
        [.. new (int Rows, int Columns)[] { (254, 298), (125, 147), (60, 71), (28, 33), (13, 3) }
            .Select(size => (new float[size.Rows * size.Columns], size.Rows, size.Columns))];

    [Fact]
    public void EachTapIsReadAtItsPositionsCentresAndLinearlyBetweenThem()
    {
        var maps = ZeroMaps();
        var (values, rows, columns) = maps[2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i / columns * 0.01f + i % columns * 0.02f;
        }

        var probabilities = PixelLogits.Probabilities(maps, Bins, Frames);

        // The third tap's first position is centred on pixel 8.5 of either axis, its stride 4: inside the map, a
        // linear map reads back as the same linear function of the pixel; beyond its outer centres, it holds flat.
        float Logit(int bin, int frame) => MathF.Log(probabilities[bin * Frames + frame] / (1 - probabilities[bin * Frames + frame]));
        foreach (var (bin, frame) in new[] { (9, 9), (48, 88), (50, 89), (123, 201), (200, 270) })
        {
            Assert.Equal(0.01f * (bin - 8.5f) / 4 + 0.02f * (frame - 8.5f) / 4, Logit(bin, frame), 1e-4f);
        }

        Assert.Equal(0.5f, probabilities[0], 1e-6f);
        Assert.Equal(0.01f * (rows - 1) + 0.02f * (columns - 1), Logit(Bins - 1, Frames - 1), 1e-4f);
    }

    [Fact]
    public void TheTapsLogitsAddUpBeforeTheLogistic()
    {
        var maps = ZeroMaps();
        Array.Fill(maps[0].Values, 1.5f);
        Array.Fill(maps[4].Values, -0.5f);

        var probabilities = PixelLogits.Probabilities(maps, Bins, Frames);

        Assert.All(probabilities, p => Assert.Equal(1 / (1 + MathF.Exp(-1f)), p, 1e-6f));
    }

    [Fact]
    public void MapsOfTheWrongCountOrSizeAreRefused()
    {
        var maps = ZeroMaps();
        Assert.Throws<ArgumentException>(() => PixelLogits.Probabilities(maps[..4], Bins, Frames));
        maps[1] = (new float[10], 125, 147);
        Assert.Throws<InvalidDataException>(() => PixelLogits.Probabilities(maps, Bins, Frames));
    }

    [Fact]
    public void AModelWithoutAPixelHeadSaysSoAndRefusesPixels()
    {
        using var scorer = new StripScorer(TestModels.RandomModel());

        Assert.False(scorer.HasPixelHead);
        var error = Assert.Throws<InvalidOperationException>(() => scorer.PixelProbabilities(new float[Bins * Frames], Frames));
        Assert.Contains("no pixel head", error.Message);
    }
}
