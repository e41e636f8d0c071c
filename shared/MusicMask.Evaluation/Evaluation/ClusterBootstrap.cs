namespace MusicMask.Evaluation;

/// <summary>A two-sided confidence interval.</summary>
public readonly record struct Interval(double Low, double High);

/// <summary>
/// Confidence intervals for a window AUC by resampling whole excerpts with replacement. The windows of one excerpt
/// share its recording, level and noise, so they are far from independent: the excerpts are the sample, and an
/// interval over windows would be much too narrow. Two models scored on the same windows are compared on the same
/// draws (a paired bootstrap), which is much tighter than comparing their separate intervals.
/// </summary>
public sealed class ClusterBootstrap
{
    private readonly int[] _order;
    private readonly float[] _scores;
    private readonly bool[] _isPositive;
    private readonly int[] _clusters;

    public ClusterBootstrap(IReadOnlyList<float> scores, IReadOnlyList<bool> isPositive, IReadOnlyList<int> clusters, int clusterCount)
    {
        if (scores.Count != isPositive.Count || scores.Count != clusters.Count)
        {
            throw new ArgumentException("one label and one cluster per score");
        }

        if (clusters.Any(c => c < 0 || c >= clusterCount))
        {
            throw new ArgumentOutOfRangeException(nameof(clusters), $"clusters must lie in 0..{clusterCount - 1}");
        }

        _scores = scores.ToArray();
        _isPositive = isPositive.ToArray();
        _clusters = clusters.ToArray();
        ClusterCount = clusterCount;
        _order = Enumerable.Range(0, _scores.Length).OrderByDescending(i => _scores[i]).ToArray();
    }

    public int ClusterCount { get; }

    /// <summary>
    /// The AUC with every window of cluster c counted weights[c] times (all ones: the plain AUC); ties count one
    /// half. NaN when the weighted windows lack either class.
    /// </summary>
    public double Auc(ReadOnlySpan<double> clusterWeights)
    {
        double positives = 0, negatives = 0, area = 0;
        for (var k = 0; k < _order.Length;)
        {
            var threshold = _scores[_order[k]];
            double groupPositives = 0, groupNegatives = 0;
            for (; k < _order.Length && _scores[_order[k]] == threshold; k++)
            {
                var i = _order[k];
                var weight = clusterWeights[_clusters[i]];
                if (_isPositive[i])
                {
                    groupPositives += weight;
                }
                else
                {
                    groupNegatives += weight;
                }
            }

            area += groupNegatives * (positives + groupPositives / 2);
            positives += groupPositives;
            negatives += groupNegatives;
        }

        return positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
    }

    /// <summary>The percentile interval of the AUC over <paramref name="replicates"/> resamplings of the clusters.</summary>
    public Interval AucInterval(int replicates, int seed, double confidence = 0.95) =>
        Percentiles(Replicate(replicates, seed, weights => Auc(weights)), confidence);

    /// <summary>The percentile interval of this AUC minus <paramref name="baseline"/>'s, both on the same resamplings.</summary>
    public Interval DifferenceInterval(ClusterBootstrap baseline, int replicates, int seed, double confidence = 0.95)
    {
        if (!baseline._isPositive.AsSpan().SequenceEqual(_isPositive) || !baseline._clusters.AsSpan().SequenceEqual(_clusters))
        {
            throw new ArgumentException("a paired comparison needs the same windows, labels and clusters", nameof(baseline));
        }

        return Percentiles(Replicate(replicates, seed, weights => Auc(weights) - baseline.Auc(weights)), confidence);
    }

    private double[] Replicate(int replicates, int seed, Func<double[], double> statistic)
    {
        if (replicates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(replicates), "at least one replicate");
        }

        var random = new Random(seed);
        var weights = new double[ClusterCount];
        var values = new List<double>(replicates);
        for (var r = 0; r < replicates; r++)
        {
            Array.Clear(weights);
            for (var draw = 0; draw < ClusterCount; draw++)
            {
                weights[random.Next(ClusterCount)]++;
            }

            var value = statistic(weights);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        return values.ToArray();
    }

    private static Interval Percentiles(double[] values, double confidence)
    {
        if (values.Length == 0)
        {
            return new Interval(double.NaN, double.NaN);
        }

        Array.Sort(values);
        var tail = (1 - confidence) / 2;
        return new Interval(Quantile(values, tail), Quantile(values, 1 - tail));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
