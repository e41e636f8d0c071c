using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class OffsetLogisticRegressionTests
{
    [Fact]
    public void RecoversTheWeightsAndBiasThatMadeTheLabelsWithTheOffsetHeldAtOne()
    {
        var random = new Random(12);
        var samples = new List<(double, double[], bool)>();
        for (var i = 0; i < 60_000; i++)
        {
            var (column, around) = (random.NextDouble() * 8 - 4, random.NextDouble() * 8 - 4);
            var own = 0.5 * column + random.NextDouble() * 4 - 2;
            var logit = own - 2.5 * column + 4 * around + 1.3;
            samples.Add((own, [column, around], random.NextDouble() < 1 / (1 + Math.Exp(-logit))));
        }

        var weights = OffsetLogisticRegression.Solve(samples);

        Assert.Equal(3, weights.Length);
        Assert.Equal(-2.5, weights[0], 1);
        Assert.Equal(4.0, weights[1], 1);
        Assert.Equal(1.3, weights[2], 1);
    }

    [Fact]
    public void RefusesOneClassFeaturesThatNeverVaryAndClassesTheFeaturesSeparate()
    {
        Assert.Throws<ArgumentException>(() => OffsetLogisticRegression.Solve([(1, [1.0], true), (2, [0.0], true)]));
        Assert.Throws<ArgumentException>(() => OffsetLogisticRegression.Solve([(1, [1.0], true), (2, [0.0, 1.0], false)]));
        var collinear = Assert.Throws<InvalidOperationException>(() => OffsetLogisticRegression.Solve([(1, [2.0, 2.0], true), (-1, [1.0, 1.0], false), (0.5, [3.0, 3.0], false)]));
        Assert.Contains("does not vary", collinear.Message, StringComparison.Ordinal);
        var separated = Assert.Throws<InvalidOperationException>(() => OffsetLogisticRegression.Solve([(0, [1.0], true), (0, [2.0], true), (0, [-1.0], false), (0, [-2.0], false)]));
        Assert.Contains("separated", separated.Message, StringComparison.Ordinal);
    }
}
