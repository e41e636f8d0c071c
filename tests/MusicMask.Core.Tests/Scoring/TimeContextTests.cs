using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Scoring;

public class TimeContextTests
{
    private static float Sigmoid(double logit) => (float)(1 / (1 + Math.Exp(-logit)));

    [Fact]
    public void EachWindowMovesByItsColumnsMeanAndTheMeanOfTheColumnsAroundIt()
    {
        // Two bands by four columns, band-major; column 1's second band and all of column 2 were gated to 0.
        var logits = new[] { 2.0, -1.0, 0, 0.5, -3.0, 0, 0, 1.5 };
        var probabilities = logits.Select((logit, i) => i is 2 or 5 or 6 ? 0f : Sigmoid(logit)).ToArray();
        var context = new TimeContext(-2, 3, 0.25f, Radius: 1);

        context.Apply(probabilities, windowColumns: 4);

        var means = new[] { (2.0 - 3.0) / 2, -1.0, double.NaN, (0.5 + 1.5) / 2 };
        var soundingShare = new[] { 2 / 3.0, 2 / 3.0, 2 / 3.0, 1 / 3.0 };
        var around = new[] { (means[0] + means[1]) / 3, (means[0] + means[1]) / 3, (means[1] + means[3]) / 3, means[3] / 3 };
        double Moved(double logit, int column) => logit - 2 * soundingShare[column] * means[column] + 3 * around[column] + 0.25;
        var expected = new[] { Sigmoid(Moved(2, 0)), Sigmoid(Moved(-1, 1)), 0, Sigmoid(Moved(0.5, 3)), Sigmoid(Moved(-3, 0)), 0, 0, Sigmoid(Moved(1.5, 3)) };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], probabilities[i], 5);
        }
    }

    [Fact]
    public void BandsKeepTheirOrderWithinAColumnAndTheNeutralContextChangesNothing()
    {
        const int columns = 40;
        var random = new Random(4);
        var probabilities = Enumerable.Range(0, WindowGrid.BandPositions * columns).Select(_ => random.NextSingle() * 0.98f + 0.01f).ToArray();
        var neutral = probabilities.ToArray();
        var moved = probabilities.ToArray();

        new TimeContext(0, 0, 0, 8).Apply(neutral, columns);
        new TimeContext(-2.5f, 4.2f, 1.3f, 8).Apply(moved, columns);

        Assert.Equal(probabilities, neutral, (a, b) => Math.Abs(a - b) < 1e-5);
        for (var column = 0; column < columns; column++)
        {
            int[] Order(float[] values) => Enumerable.Range(0, WindowGrid.BandPositions).OrderBy(band => values[band * columns + column]).ToArray();
            Assert.Equal(Order(probabilities), Order(moved));
        }

        Assert.NotEqual(probabilities, moved);
    }

    [Fact]
    public void MusicAroundAnUncertainMomentLiftsItAndNoiseAroundItLowersIt()
    {
        const int columns = 21;
        float[] Recording(float around) => Enumerable.Range(0, WindowGrid.BandPositions * columns).Select(i => i % columns == 10 ? 0.5f : around).ToArray();
        var amongMusic = Recording(0.9f);
        var amongNoise = Recording(0.1f);
        var context = new TimeContext(-1, 2, 0, 8);

        context.Apply(amongMusic, columns);
        context.Apply(amongNoise, columns);

        Assert.True(amongMusic[10] > 0.8f, $"among music {amongMusic[10]}");
        Assert.True(amongNoise[10] < 0.2f, $"among noise {amongNoise[10]}");
    }

    [Fact]
    public void TheBuilderReadsTheWholeRecordingSoTheTilingDoesNotMatter()
    {
        const long frames = 256 + 16 * 59;
        var context = new TimeContext(-2.5f, 4.2f, 1.3f, 8);
        var random = new Random(9);
        var windows = Enumerable.Range(0, WindowGrid.BandPositions * 60).Select(i => i % 7 == 0 ? 0f : random.NextSingle() * 0.98f + 0.01f).ToArray();
        var expected = windows.ToArray();
        context.Apply(expected, 60);

        foreach (var windowsPerTile in new[] { 7, 25, 60 })
        {
            var grid = new WindowGrid(frames, windowsPerTile);
            var builder = new ProbabilityMapBuilder(context);
            for (var index = 0; index < grid.TileCount; index++)
            {
                var range = grid.Tile(index);
                var tile = new float[WindowGrid.BandPositions * range.Windows];
                for (var band = 0; band < WindowGrid.BandPositions; band++)
                {
                    windows.AsSpan((int)(band * 60 + range.FirstWindow), range.Windows).CopyTo(tile.AsSpan(band * range.Windows));
                }

                builder.Add(new WindowScores(index, range.FirstWindow, range.Windows, tile));
            }

            Assert.Equal(60, grid.WindowColumns);
            Assert.Equal(expected, builder.WindowProbabilities(grid));
        }
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("1,2,3,4,5")]
    [InlineData("1,two,3,8")]
    [InlineData("1,NaN,3,8")]
    [InlineData("1,2,Infinity,8")]
    [InlineData("1,2,3,0")]
    [InlineData("1,2,3,-1")]
    [InlineData("1,2,3,65")]
    [InlineData("1,2,3,8.5")]
    [InlineData("")]
    public void MalformedMetadataIsRefusedWithItsName(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => TimeContext.FromProperties(new Dictionary<string, string> { [TimeContext.PropertyName] = text }));
        Assert.Contains(TimeContext.PropertyName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContextThatCouldNotBeReadBackIsRefusedWhenMade()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeContext(1, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeContext(1, 1, 1, TimeContext.MaxRadius + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeContext(float.NaN, 1, 1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeContext(1, 1, float.PositiveInfinity, 8));
    }

    [Fact]
    public void AClipShorterThanTheReachMovesByTheShareOfItThatItFills()
    {
        // Every window at logit 1: the middle of a long recording moves by -1 + 2 = 1; a 3-column clip fills 3 of the 17 columns.
        float[] Recording(int columns) => Enumerable.Repeat(Sigmoid(1), WindowGrid.BandPositions * columns).ToArray();
        var (longRecording, clip) = (Recording(41), Recording(3));
        var context = new TimeContext(-1, 2, 0, 8);

        context.Apply(longRecording, windowColumns: 41);
        context.Apply(clip, windowColumns: 3);

        Assert.Equal(Sigmoid(2), longRecording[20], 5);
        Assert.All(clip, p => Assert.Equal(Sigmoid(1 + 3 / 17.0), p, 5));
    }

    [Fact]
    public void AnAllGatedRecordingStaysGated()
    {
        var gated = new float[8];

        new TimeContext(-2.5f, 4.2f, 1.3f, 8).Apply(gated, windowColumns: 4);

        Assert.All(gated, p => Assert.Equal(0, p));
    }

    [Fact]
    public void MetadataRoundTripsAndAModelWithoutItHasNone()
    {
        var context = new TimeContext(-2.5318f, 4.1567f, 1.3012f, 8);
        Assert.Equal(context, TimeContext.FromProperties(new Dictionary<string, string> { [TimeContext.PropertyName] = context.ToProperty() }));
        Assert.Null(TimeContext.FromProperties(new Dictionary<string, string>()));
    }
}
