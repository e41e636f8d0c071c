using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Tests.Support;
using MusicMask.Transforms;

namespace MusicMask.Tests.Scoring;

public class ColumnContextTests
{
    private const float Audible = -40;
    private const float Floor = SilenceGate.FloorWindowDecibels - 1;

    private static float Sigmoid(double logit) => (float)(1 / (1 + Math.Exp(-logit)));

    [Fact]
    public void EachWindowMovesByItsColumnsMeanLogitOverTheWindowsAboveTheFloor()
    {
        // Two bands by three windows, band-major; column 1's second band is at the floor, column 2 is all floor.
        var logits = new[] { 2.0, -1.0, 0.5, -3.0, 4.0, 1.5 };
        var probabilities = logits.Select(Sigmoid).ToArray();
        var levels = new[] { Audible, Audible, Floor, Audible, Floor, Floor };
        var context = new ColumnContext(0.5f, 2, -0.25f);

        context.Apply(probabilities, levels, windows: 3);

        var (mean0, mean1) = ((2.0 + -3.0) / 2, -1.0);
        var expected = new[]
        {
            Sigmoid(0.5 * 2.0 + 2 * mean0 - 0.25), Sigmoid(0.5 * -1.0 + 2 * mean1 - 0.25), Sigmoid(0.5),
            Sigmoid(0.5 * -3.0 + 2 * mean0 - 0.25), Sigmoid(0.5 * 4.0 + 2 * mean1 - 0.25), Sigmoid(1.5),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], probabilities[i], 5);
        }
    }

    [Fact]
    public void BandsKeepTheirOrderWithinAColumnAndTheNeutralContextChangesNothing()
    {
        var random = new Random(4);
        var probabilities = Enumerable.Range(0, WindowGrid.BandPositions * 20).Select(_ => random.NextSingle() * 0.98f + 0.01f).ToArray();
        var levels = Enumerable.Repeat(Audible, probabilities.Length).ToArray();
        var neutral = probabilities.ToArray();
        var moved = probabilities.ToArray();

        new ColumnContext(1, 0, 0).Apply(neutral, levels, windows: 20);
        new ColumnContext(1, 1.5f, 0.8f).Apply(moved, levels, windows: 20);

        Assert.Equal(probabilities, neutral, (a, b) => Math.Abs(a - b) < 1e-5);
        for (var column = 0; column < 20; column++)
        {
            int[] Order(float[] values) => Enumerable.Range(0, WindowGrid.BandPositions).OrderBy(band => values[band * 20 + column]).ToArray();
            Assert.Equal(Order(probabilities), Order(moved));
        }

        Assert.NotEqual(probabilities, moved);
    }

    [Theory]
    [InlineData("1,2")]
    [InlineData("1,2,3,4")]
    [InlineData("1,two,3")]
    [InlineData("1,NaN,3")]
    [InlineData("1,2,Infinity")]
    [InlineData("")]
    [InlineData("0,1,1")]
    [InlineData("-1,1,1")]
    public void MalformedMetadataIsRefusedWithItsName(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => ColumnContext.FromProperties(new Dictionary<string, string> { [ColumnContext.PropertyName] = text }));
        Assert.Contains(ColumnContext.PropertyName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataRoundTripsAndAModelWithoutItHasNone()
    {
        var context = new ColumnContext(1, 1.2179143f, -0.3f);
        Assert.Equal(context, ColumnContext.FromProperties(new Dictionary<string, string> { [ColumnContext.PropertyName] = context.ToProperty() }));
        Assert.Null(ColumnContext.FromProperties(new Dictionary<string, string>()));
    }

    [Fact]
    public void TheScorerAppliesTheContextItsModelCarriesBeforeTheSilenceGate()
    {
        using var temp = new TempDirectory();
        var context = new ColumnContext(1, 1.3f, 0.7f);
        var plainPath = temp.File("plain.onnx");
        var contextPath = temp.File("context.onnx");
        File.WriteAllBytes(plainPath, OnnxModelWriter.Write(NetworkWeights.Random(5), "test"));
        File.WriteAllBytes(contextPath, OnnxModelWriter.Write(NetworkWeights.Random(5) with { ColumnContext = context }, "test"));
        var tile = QuietTopTile(windows: 12);
        using var plain = new StripScorer(plainPath);
        using var withContext = new StripScorer(contextPath);

        var before = plain.Score(tile).Probabilities.ToArray();
        var after = withContext.Score(tile).Probabilities;

        Assert.Null(plain.Context);
        Assert.Equal(context, withContext.Context);
        var levels = WindowLevels.Of(tile);
        var expected = before.ToArray();
        context.Apply(expected, levels, 12);
        SilenceGate.Apply(levels, expected);
        Assert.Contains(levels, level => level < SilenceGate.FloorWindowDecibels);
        Assert.Equal(expected, after, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.All(Enumerable.Range(0, after.Length).Where(i => levels[i] < SilenceGate.FloorWindowDecibels), i => Assert.Equal(0, after[i]));
    }

    /// <summary>A varied spectrogram whose top 96 bins are digital silence, so some bands' windows sit at the floor.</summary>
    private static SpectrogramTile QuietTopTile(int windows)
    {
        var random = new Random(8);
        var range = new TileRange(0, 0, windows);
        var bins = SpectrogramParameters.Bins;
        var frames = new float[range.Frames * bins];
        for (var t = 0; t < range.Frames; t++)
        {
            for (var b = 0; b < bins; b++)
            {
                frames[t * bins + b] = b >= 160 ? SpectrogramParameters.SilenceDecibels : -70 + 40 * MathF.Sin(t / 23f + b / 11f) + 8 * random.NextSingle();
            }
        }

        return new SpectrogramTile(range, frames);
    }
}
