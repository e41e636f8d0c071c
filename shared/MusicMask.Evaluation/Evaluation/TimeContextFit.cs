using MusicMask.Scoring;

namespace MusicMask.Evaluation;

/// <summary>
/// Fits a model's <see cref="TimeContext"/> on training recordings, over the scores it gives today (its column
/// context included): windows drawn as <see cref="ContextSamples"/> draws them, then a logistic regression of the
/// label on the window's column mean and the mean of the columns around it, with the window's own logit as a fixed
/// offset (<see cref="OffsetLogisticRegression"/>).
/// </summary>
public static class TimeContextFit
{
    public const int DefaultRadius = 8;

    public static TimeContext Fit(StripScorer scorer, IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, EvaluationOptions options, int radius = DefaultRadius, IProgress<string>? progress = null)
    {
        if (scorer.TimeContext is not null)
        {
            throw new ArgumentException($"{Path.GetFileName(scorer.ModelPath)} already reads windows with the moments around them; fit the model it was made from", nameof(scorer));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(radius, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, TimeContext.MaxRadius);
        var samples = ContextSamples.Collect(scorer, musicFiles, noiseFiles, options, (signal, music) => Samples(signal, music, options.SilentWindowDecibels, radius), progress);
        var weights = OffsetLogisticRegression.Solve(samples);
        return new TimeContext((float)weights[0], (float)weights[1], (float)weights[2], radius);
    }

    /// <summary>(own logit, [column mean, mean around], label) of the signal's windows at or above <paramref name="silentWindowDecibels"/>.</summary>
    internal static IEnumerable<(double Offset, double[] Features, bool Music)> Samples(ScoredSignal signal, bool music, float silentWindowDecibels, int radius)
    {
        var columns = (int)signal.Grid.WindowColumns;
        var (columnFeature, aroundFeature) = TimeContext.Features(signal.WindowProbabilities, columns, radius);
        for (var i = 0; i < signal.WindowProbabilities.Length; i++)
        {
            if (signal.WindowDecibels[i] >= silentWindowDecibels && signal.WindowProbabilities[i] > 0)
            {
                yield return (ColumnContext.Logit(signal.WindowProbabilities[i]), [columnFeature[i % columns], aroundFeature[i % columns]], music);
            }
        }
    }
}
