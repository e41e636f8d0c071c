using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class BalancedThresholdTests
{
    [Fact]
    public void FindsTheThresholdThatSeparatesEveryConditionAtOnce()
    {
        // Condition a separates for thresholds in [0.60, 0.65), condition b in [0.61, 0.62): only 0.61 serves both.
        var a = RocCurve.Compute([0.8f, 0.7f, 0.65f, 0.6f, 0.3f], [true, true, true, false, false]);
        var b = RocCurve.Compute([0.9f, 0.62f, 0.61f, 0.1f], [true, true, false, false]);

        var (threshold, meanJ) = BalancedThreshold.Find([a, b]);

        Assert.Equal(0.61f, threshold);
        Assert.Equal(1.0, meanJ, 12);
        Assert.Equal(0.5, BalancedThreshold.MeanJ([a, b], 0.5f), 12);
        Assert.Throws<ArgumentException>(() => BalancedThreshold.Find([]));
    }
}
