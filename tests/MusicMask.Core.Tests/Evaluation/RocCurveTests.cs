using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class RocCurveTests
{
    [Fact]
    public void AucOfASmallHandCheckedCase()
    {
        // Positives 0.9, 0.7, 0.6; negatives 0.8, 0.55, 0.4. Pairs won by the positive: 3 + 2 + 2 of 9.
        var roc = RocCurve.Compute([0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f], [true, false, true, true, false, false]);
        Assert.Equal(7.0 / 9, roc.Auc, 12);
        Assert.Equal([0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1], roc.TruePositiveRate);
    }

    [Fact]
    public void RatesAboveAThresholdCountOnlyScoresStrictlyAboveIt()
    {
        var roc = RocCurve.Compute([0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f], [true, false, true, true, false, false]);

        Assert.Equal((1.0, 2.0 / 3), roc.RatesAbove(0.5f));
        Assert.Equal((2.0 / 3, 1.0 / 3), roc.RatesAbove(0.6f));
        Assert.Equal((1.0 / 3, 1.0 / 3), roc.RatesAbove(0.7f));
        Assert.Equal((0.0, 0.0), roc.RatesAbove(0.95f));
        Assert.Equal((1.0, 1.0), roc.RatesAbove(0f));
    }

    [Fact]
    public void TiesCountOneHalf()
    {
        Assert.Equal(0.5, RocCurve.Compute([0.5f, 0.5f], [true, false]).Auc);
        Assert.Equal(0.75, RocCurve.Compute([0.9f, 0.5f, 0.5f], [true, true, false]).Auc);
    }

    [Fact]
    public void PerfectAndInvertedScores()
    {
        Assert.Equal(1.0, RocCurve.Compute([0.9f, 0.8f, 0.1f], [true, true, false]).Auc);
        Assert.Equal(0.0, RocCurve.Compute([0.1f, 0.2f, 0.9f], [true, true, false]).Auc);
    }

    [Fact]
    public void AucByGroupScoresEachGroupAlone()
    {
        // Group 0 separates perfectly, group 1 is inverted, group 2 has one tie and one won pair, group 3 only
        // positives, group 4 nothing. Pooled, the same scores give neither 1 nor 0.
        float[] scores = [0.9f, 0.2f, 0.1f, 0.8f, 0.5f, 0.6f, 0.5f, 0.7f];
        bool[] positive = [true, false, true, false, true, true, false, true];
        int[] groups = [0, 0, 1, 1, 2, 2, 2, 3];

        var auc = RocCurve.AucByGroup(scores, positive, groups, 5);

        Assert.Equal([1.0, 0.0, 0.75], auc[..3]);
        Assert.True(double.IsNaN(auc[3]) && double.IsNaN(auc[4]));
        Assert.NotEqual(1.0, RocCurve.Compute(scores, positive).Auc);
    }

    [Fact]
    public void OneClassOrNaNIsRefused()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.1f, 0.2f], [true, true]));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([float.NaN, 0.2f], [true, false]));
    }
}
