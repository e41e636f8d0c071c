namespace MusicMask.Evaluation;

/// <summary>The scored windows of one condition: score, label (music) and band position of each.</summary>
public sealed record BandedWindows(IReadOnlyList<float> Scores, IReadOnlyList<bool> Labels, IReadOnlyList<int> Bands);

/// <summary>
/// What a decision threshold per band would be worth: each band's balanced threshold over the conditions
/// (<see cref="BalancedThreshold"/>), and the pooled ROC once every window's score is moved so that its band's
/// threshold becomes 0.5 (a shift of the music logit). Fitted and measured on the same windows, so the figures
/// flatter such a calibration; a gain too small here is not worth building.
/// </summary>
public static class BandCalibration
{
    public static BandCalibrationResult Measure(IReadOnlyList<BandedWindows> conditions, int bands)
    {
        var thresholds = Thresholds(conditions, bands);
        var curves = conditions.Select(c => Calibrated(c, thresholds)).ToArray();
        return new BandCalibrationResult(thresholds, curves.Select(c => c.Auc).ToArray(), BalancedThreshold.MeanJ(curves, 0.5f));
    }

    /// <summary>Each band's balanced threshold; 0.5 for a band that no condition has both classes in.</summary>
    public static float[] Thresholds(IReadOnlyList<BandedWindows> conditions, int bands)
    {
        var byCondition = conditions.Select(c => RocCurve.ByGroup(c.Scores, c.Labels, c.Bands, bands)).ToArray();
        return Enumerable.Range(0, bands).Select(band =>
        {
            var curves = byCondition.Select(curvesByBand => curvesByBand[band]).OfType<RocCurve>().ToArray();
            return curves.Length == 0 ? 0.5f : BalancedThreshold.Find(curves).Threshold;
        }).ToArray();
    }

    public static RocCurve Calibrated(BandedWindows windows, IReadOnlyList<float> thresholds) => RocCurve.Compute(
        windows.Scores.Select((p, i) => Shift(p, thresholds[windows.Bands[i]])).ToArray(),
        windows.Labels);

    /// <summary>The score whose odds are p's divided by the threshold's: the threshold maps to 0.5, 0 and 1 stay.</summary>
    public static float Shift(float p, float threshold)
    {
        if (p <= 0 || p >= 1)
        {
            return p;
        }

        var odds = p / (1.0 - p) * (1.0 - threshold) / threshold;
        return (float)(odds / (1 + odds));
    }
}

/// <summary>The balanced threshold of each band, and with them the pooled AUC of each condition and the mean J at 0.5.</summary>
public sealed record BandCalibrationResult(IReadOnlyList<float> Thresholds, IReadOnlyList<double> PooledAuc, double MeanJ);
