using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class BandCalibrationTests
{
    [Fact]
    public void ShiftMovesTheThresholdToOneHalfAndKeepsTheOrder()
    {
        Assert.Equal(0.5f, BandCalibration.Shift(0.7f, 0.7f), 6);
        Assert.Equal(0f, BandCalibration.Shift(0f, 0.3f));
        Assert.Equal(1f, BandCalibration.Shift(1f, 0.3f));
        var scores = new[] { 0.01f, 0.2f, 0.5f, 0.8f, 0.99f };
        var shifted = scores.Select(p => BandCalibration.Shift(p, 0.3f)).ToArray();
        Assert.Equal(shifted.Order(), shifted);
        Assert.All(shifted.Zip(scores), pair => Assert.True(pair.First > pair.Second));
    }

    [Fact]
    public void ThresholdsPerBandUndoAnOffsetBetweenBands()
    {
        // Each band separates its classes perfectly, but band 1 scores everything higher: its noise (0.6, 0.65)
        // outscores band 0's music (0.3, 0.35), so pooled the AUC is 0.75; moved to a threshold each, it is 1.
        var windows = new BandedWindows(
            [0.1f, 0.15f, 0.3f, 0.35f, 0.6f, 0.65f, 0.9f, 0.95f],
            [false, false, true, true, false, false, true, true],
            [0, 0, 0, 0, 1, 1, 1, 1]);

        var result = BandCalibration.Measure([windows], 2);

        Assert.Equal(0.75, RocCurve.Compute(windows.Scores, windows.Labels).Auc, 12);
        Assert.InRange(result.Thresholds[0], 0.15f, 0.29f);
        Assert.InRange(result.Thresholds[1], 0.65f, 0.89f);
        Assert.Equal(1.0, result.PooledAuc[0], 12);
        Assert.Equal(1.0, result.MeanJ, 12);
    }

    [Fact]
    public void ABandWithoutBothClassesKeepsOneHalf()
    {
        var windows = new BandedWindows([0.2f, 0.8f, 0.9f], [false, true, true], [0, 0, 1]);

        Assert.Equal(0.5f, BandCalibration.Thresholds([windows], 2)[1]);
    }
}
