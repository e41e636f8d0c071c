namespace MusicMask.Evaluation;

/// <summary>
/// A receiver operating characteristic: positives are music windows, the score is p(music). Point i holds the rates
/// of calling music every score at or above <see cref="Thresholds"/>[i] (point 0: nothing called music).
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, float[] Thresholds, double Auc, int Positives, int Negatives)
{
    /// <summary>The operating point of calling music every score strictly above the threshold, as the mask does.</summary>
    public (double TruePositiveRate, double FalsePositiveRate) RatesAbove(float threshold)
    {
        // Thresholds fall strictly after point 0: find the last point whose threshold is still above the given one.
        var (low, high) = (0, Thresholds.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = Thresholds[middle] > threshold ? (middle, high) : (low, middle - 1);
        }

        return (TruePositiveRate[low], FalsePositiveRate[low]);
    }

    /// <summary>The AUC among the scores of each group 0..groupCount-1 alone; NaN for a group lacking either class.</summary>
    public static double[] AucByGroup(IReadOnlyList<float> scores, IReadOnlyList<bool> isPositive, IReadOnlyList<int> groups, int groupCount) =>
        ByGroup(scores, isPositive, groups, groupCount).Select(curve => curve?.Auc ?? double.NaN).ToArray();

    /// <summary>The ROC among the scores of each group 0..groupCount-1 alone; null for a group lacking either class.</summary>
    public static RocCurve?[] ByGroup(IReadOnlyList<float> scores, IReadOnlyList<bool> isPositive, IReadOnlyList<int> groups, int groupCount)
    {
        var members = Enumerable.Range(0, groupCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < groups.Count; i++)
        {
            members[groups[i]].Add(i);
        }

        return members.Select(m =>
        {
            var positives = m.Count(i => isPositive[i]);
            return positives == 0 || positives == m.Count
                ? null
                : Compute(m.Select(i => scores[i]).ToArray(), m.Select(i => isPositive[i]).ToArray());
        }).ToArray();
    }

    /// <summary>
    /// The ROC over every distinct threshold, and its area by the trapezoid rule (equal to the Mann-Whitney
    /// probability that a random positive outscores a random negative, ties counting one half).
    /// </summary>
    public static RocCurve Compute(IReadOnlyList<float> scores, IReadOnlyList<bool> isPositive)
    {
        if (scores.Count != isPositive.Count)
        {
            throw new ArgumentException("one label per score");
        }

        if (scores.Any(float.IsNaN))
        {
            throw new ArgumentException("scores contain NaN");
        }

        var positives = isPositive.Count(p => p);
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"an ROC needs both classes; got {positives} positives and {negatives} negatives");
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<float> { float.PositiveInfinity };
        double tp = 0, fp = 0, area = 0;
        for (var k = 0; k < order.Length;)
        {
            var threshold = scores[order[k]];
            double groupTp = 0, groupFp = 0;
            for (; k < order.Length && scores[order[k]] == threshold; k++)
            {
                if (isPositive[order[k]])
                {
                    groupTp++;
                }
                else
                {
                    groupFp++;
                }
            }

            area += groupFp / negatives * (tp + groupTp / 2) / positives;
            tp += groupTp;
            fp += groupFp;
            fpr.Add(fp / negatives);
            tpr.Add(tp / positives);
            thresholds.Add(threshold);
        }

        return new RocCurve(fpr.ToArray(), tpr.ToArray(), thresholds.ToArray(), area, positives, negatives);
    }
}
