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
    public void OneClassOrNaNIsRefused()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.1f, 0.2f], [true, true]));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([float.NaN, 0.2f], [true, false]));
    }
}
