using MusicMask.Segmentation;
using MusicMask.Separation;

namespace MusicMask.Tests.Separation;

public class LevelGateTests
{
    private static ProbabilityMap Even(int columns, float p = 0.8f) => new(columns, Enumerable.Repeat(p, 16 * columns).ToArray());

    [Fact]
    public void SteadyBandsKeepTheirProbabilities()
    {
        var levels = Enumerable.Range(0, 16 * 300).Select(i => -40f - i / 300 * 3 + (i % 7) * 0.5f).ToArray();

        var gated = LevelGate.Apply(Even(300), levels);

        Assert.Equal(Even(300).Values, gated.Values);
    }

    [Fact]
    public void ABurstLosesItsCellsByItsExcessOverTheBandsMedianPlusSixDecibels()
    {
        var levels = Enumerable.Repeat(-50f, 16 * 200).ToArray();
        for (var column = 100; column < 104; column++)
        {
            levels[5 * 200 + column] = -24f;
        }

        var gated = LevelGate.Apply(Even(200), levels);

        // 26 dB over the median, 20 dB past the allowance: the probability times 10^-2, to the median's 0.5 dB step.
        Assert.Equal(0.8f * 0.01f, gated[5, 101], 0.8f * 0.01f * 0.13f);
        Assert.Equal(0.8f, gated[5, 99]);
        Assert.Equal(0.8f, gated[4, 101]);
    }

    [Fact]
    public void TheRunningMedianIsTheMedianOfEachCellsNeighbourhood()
    {
        var random = new Random(4);
        const int columns = 500;
        var levels = Enumerable.Range(0, 16 * columns).Select(_ => -80f + 60f * random.NextSingle()).ToArray();
        var map = Even(columns, 1f);

        var gated = LevelGate.Apply(map, levels, aboveMedian: 0, halfSpan: 10);

        for (var row = 0; row < 16; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var around = Enumerable.Range(Math.Max(0, column - 10), Math.Min(columns - 1, column + 10) - Math.Max(0, column - 10) + 1)
                    .Select(c => levels[row * columns + c]).Order().ToArray();
                var median = around[(around.Length - 1) / 2];
                var excess = levels[row * columns + column] - median;
                var expected = excess > 0 ? Math.Pow(10, -excess / 10) : 1;
                Assert.Equal(expected, gated[row, column], Math.Max(0.13 * expected, 1e-6));
            }
        }
    }

    [Fact]
    public void LevelsOfAnotherShapeAreRefused() =>
        Assert.Throws<ArgumentException>(() => LevelGate.Apply(Even(10), new float[16 * 9]));
}
