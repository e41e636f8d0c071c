using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class ClusterBootstrapTests
{
    // The hand-checked case of RocCurveTests (AUC 7/9), the windows in three clusters of two.
    private static readonly float[] Scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f];
    private static readonly bool[] Positive = [true, false, true, true, false, false];
    private static readonly int[] Clusters = [0, 0, 1, 1, 2, 2];

    [Fact]
    public void UnitWeightsGiveThePlainAuc()
    {
        var bootstrap = new ClusterBootstrap(Scores, Positive, Clusters, 3);

        Assert.Equal(7.0 / 9, bootstrap.Auc([1, 1, 1]), 12);
        Assert.Equal(0.75, new ClusterBootstrap([0.9f, 0.5f, 0.5f], [true, true, false], [0, 1, 2], 3).Auc([1, 1, 1]), 12);
    }

    [Fact]
    public void AWeightCountsAClusterThatManyTimes()
    {
        var bootstrap = new ClusterBootstrap(Scores, Positive, Clusters, 3);
        int[] twiceCluster1 = [0, 1, 2, 3, 2, 3, 4, 5];

        var repeated = RocCurve.Compute(twiceCluster1.Select(i => Scores[i]).ToArray(), twiceCluster1.Select(i => Positive[i]).ToArray());

        Assert.Equal(repeated.Auc, bootstrap.Auc([1, 2, 1]), 12);
        Assert.Equal(1.0 / 3, bootstrap.Auc([1, 1, 0]), 12);
        Assert.True(double.IsNaN(bootstrap.Auc([0, 0, 1])), "cluster 2 holds only a negative");
    }

    [Fact]
    public void TheIntervalIsDeterministicHoldsTheAucAndNarrowsWithMoreClusters()
    {
        var random = new Random(4);
        (float[] Scores, bool[] Positive, int[] Clusters) Sample(int clusters)
        {
            // Each cluster has its own offset, so its windows move together, as an excerpt's do.
            var scores = new List<float>();
            var positive = new List<bool>();
            var cluster = new List<int>();
            for (var c = 0; c < clusters; c++)
            {
                var isMusic = c % 2 == 0;
                var offset = (isMusic ? 0.6 : 0.4) + 0.3 * (random.NextDouble() - 0.5);
                for (var w = 0; w < 50; w++)
                {
                    scores.Add((float)(offset + 0.05 * random.NextDouble()));
                    positive.Add(isMusic);
                    cluster.Add(c);
                }
            }

            return (scores.ToArray(), positive.ToArray(), cluster.ToArray());
        }

        var few = Sample(20);
        var many = Sample(400);
        var fewBootstrap = new ClusterBootstrap(few.Scores, few.Positive, few.Clusters, 20);
        var manyBootstrap = new ClusterBootstrap(many.Scores, many.Positive, many.Clusters, 400);

        var fewInterval = fewBootstrap.AucInterval(500, seed: 1);
        var manyInterval = manyBootstrap.AucInterval(500, seed: 1);

        Assert.Equal(fewInterval, fewBootstrap.AucInterval(500, seed: 1));
        Assert.InRange(RocCurve.Compute(few.Scores, few.Positive).Auc, fewInterval.Low, fewInterval.High);
        Assert.InRange(RocCurve.Compute(many.Scores, many.Positive).Auc, manyInterval.Low, manyInterval.High);
        Assert.True(manyInterval.High - manyInterval.Low < 0.5 * (fewInterval.High - fewInterval.Low), $"{fewInterval} against {manyInterval}");
    }

    [Fact]
    public void APairedDifferenceOfAModelWithItselfIsZeroAndOtherWindowsAreRefused()
    {
        var bootstrap = new ClusterBootstrap(Scores, Positive, Clusters, 3);
        var better = new ClusterBootstrap([0.9f, 0.3f, 0.7f, 0.6f, 0.55f, 0.4f], Positive, Clusters, 3);

        Assert.Equal(new Interval(0, 0), bootstrap.DifferenceInterval(new ClusterBootstrap(Scores, Positive, Clusters, 3), 100, seed: 2));
        Assert.True(better.DifferenceInterval(bootstrap, 100, seed: 2).Low >= 0, "raising no negative above a positive cannot lower the AUC");
        Assert.Throws<ArgumentException>(() => bootstrap.DifferenceInterval(new ClusterBootstrap(Scores, Positive, [0, 0, 1, 1, 1, 2], 3), 100, seed: 2));
    }
}
