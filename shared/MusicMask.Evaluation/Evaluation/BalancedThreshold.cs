namespace MusicMask.Evaluation;

/// <summary>
/// The probability threshold that best balances finding music against calling noise music over several
/// conditions: the one maximising the mean of Youden's J (true-positive rate minus false-positive rate), searched
/// in steps of 0.01. A model exported with this threshold (<c>musicmask-train ... --decision-threshold</c>) makes
/// it the mask's 0.5.
/// </summary>
public static class BalancedThreshold
{
    public static (float Threshold, double MeanJ) Find(IReadOnlyList<RocCurve> curves)
    {
        if (curves.Count == 0)
        {
            throw new ArgumentException("a threshold needs at least one ROC curve", nameof(curves));
        }

        var best = (Threshold: 0.5f, MeanJ: double.NegativeInfinity);
        for (var step = 1; step < 100; step++)
        {
            var threshold = step / 100f;
            var meanJ = MeanJ(curves, threshold);
            if (meanJ > best.MeanJ)
            {
                best = (threshold, meanJ);
            }
        }

        return best;
    }

    /// <summary>The mean over the curves of the music found minus the noise called music above the threshold.</summary>
    public static double MeanJ(IReadOnlyList<RocCurve> curves, float threshold) => curves.Average(curve =>
    {
        var (found, falseAlarms) = curve.RatesAbove(threshold);
        return found - falseAlarms;
    });
}
