using MusicMask.Scoring;

namespace MusicMask.Evaluation;

/// <summary>
/// Fits a model's <see cref="ColumnContext"/> on training recordings: windows drawn as <see cref="Evaluator"/> draws
/// them (music clean and under noise at each SNR as positives, the same noise alone as negatives, windows under
/// the silence floor left out), then a logistic regression of the label on the column's mean logit with the
/// window's own logit as a fixed offset (<see cref="OffsetLogisticRegression"/>), so the fit sets how far a column
/// moves its bands and never how bands rank within it.
/// </summary>
public static class ColumnContextFit
{
    /// <param name="own">The window's own logit weight, held fixed.</param>
    public static ColumnContext Fit(StripScorer scorer, IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, EvaluationOptions options, float own = 1, IProgress<string>? progress = null)
    {
        if (scorer.Context is not null || scorer.TimeContext is not null)
        {
            throw new ArgumentException($"{Path.GetFileName(scorer.ModelPath)} already reads windows in a context; fit its network's own scores instead", nameof(scorer));
        }

        var samples = Collect(scorer, musicFiles, noiseFiles, options, progress);
        var (column, bias) = Solve(samples, own);
        return new ColumnContext(own, (float)column, (float)bias);
    }

    /// <summary>(own logit, column mean logit, music) for every audible window of every drawn pair.</summary>
    public static List<(double Own, double Column, bool Music)> Collect(StripScorer scorer, IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, EvaluationOptions options, IProgress<string>? progress = null) =>
        ContextSamples.Collect(scorer, musicFiles, noiseFiles, options, (signal, music) => Samples(signal, music, options.SilentWindowDecibels), progress);

    /// <summary>The column weight and bias that maximise the likelihood with the own weight fixed.</summary>
    public static (double Column, double Bias) Solve(IReadOnlyList<(double Own, double Column, bool Music)> samples, float own)
    {
        var weights = OffsetLogisticRegression.Solve(samples.Select(s => (own * s.Own, new[] { s.Column }, s.Music)).ToList());
        return (weights[0], weights[1]);
    }

    /// <summary>(own logit, column mean logit, label) of the signal's windows at or above <paramref name="silentWindowDecibels"/>.</summary>
    internal static IEnumerable<(double Own, double Column, bool Music)> Samples(ScoredSignal signal, bool music, float silentWindowDecibels)
    {
        var columns = (int)signal.Grid.WindowColumns;
        var means = ColumnContext.ColumnMeans(signal.WindowProbabilities, signal.WindowDecibels, columns);
        for (var i = 0; i < signal.WindowProbabilities.Length; i++)
        {
            if (signal.WindowDecibels[i] >= silentWindowDecibels)
            {
                yield return (ColumnContext.Logit(signal.WindowProbabilities[i]), means[i % columns], music);
            }
        }
    }
}
