using MusicMask.Scoring;

namespace MusicMask.Evaluation;

/// <summary>
/// Fits a model's <see cref="ColumnContext"/> on training recordings: windows drawn as <see cref="Evaluator"/> draws
/// them (music clean and under noise at each SNR as positives, the same noise alone as negatives, windows under
/// the silence floor left out), then a logistic regression of the label on the column's mean logit with the
/// window's own logit as a fixed offset, so the fit sets how far a column moves its bands and never how bands
/// rank within it. Newton's method; the two parameters are well determined by tens of thousands of windows.
/// </summary>
public static class ColumnContextFit
{
    /// <param name="own">The window's own logit weight, held fixed.</param>
    public static ColumnContext Fit(StripScorer scorer, IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, EvaluationOptions options, float own = 1, IProgress<string>? progress = null)
    {
        if (scorer.Context is not null)
        {
            throw new ArgumentException($"{Path.GetFileName(scorer.ModelPath)} already reads windows with their column; fit its network's own scores instead", nameof(scorer));
        }

        var samples = Collect(scorer, musicFiles, noiseFiles, options, progress);
        var (column, bias) = Solve(samples, own);
        return new ColumnContext(own, (float)column, (float)bias);
    }

    /// <summary>(own logit, column mean logit, music) for every audible window of every drawn pair.</summary>
    public static List<(double Own, double Column, bool Music)> Collect(StripScorer scorer, IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, EvaluationOptions options, IProgress<string>? progress = null)
    {
        options.Validate();
        var music = new ExcerptDraws(musicFiles, options.ExcerptSeconds);
        var noise = new ExcerptDraws(noiseFiles, options.ExcerptSeconds);
        var samples = new List<(double, double, bool)>();
        foreach (var snr in options.Snrs)
        {
            var random = new Random(options.ConditionSeed(snr));
            var silentDraws = new SilentDraws(options.SilentWindowDecibels);
            var target = samples.Count + options.WindowsPerCondition;
            while (samples.Count < target)
            {
                var (musicExcerpt, _, noiseExcerpt, _) = ExcerptPair.DrawSounding(music, noise, random, silentDraws);
                var (positive, noiseAlone) = ExcerptPair.Mix(musicExcerpt, noiseExcerpt, snr);
                var before = samples.Count;
                samples.AddRange(Samples(SignalScorer.Score(scorer, positive), true, options.SilentWindowDecibels));
                var musicAudible = samples.Count > before;
                var noiseStart = samples.Count;
                samples.AddRange(Samples(SignalScorer.Score(scorer, noiseAlone), false, options.SilentWindowDecibels));
                silentDraws.Add(musicAudible, samples.Count > noiseStart);
            }

            progress?.Report($"{(snr is { } value ? $"{value:+0;-0;0} dB" : "clean")}: {samples.Count} windows so far");
        }

        return samples;
    }

    /// <summary>The column weight and bias that maximise the likelihood with the own weight fixed.</summary>
    public static (double Column, double Bias) Solve(IReadOnlyList<(double Own, double Column, bool Music)> samples, float own)
    {
        if (!samples.Any(s => s.Music) || !samples.Any(s => !s.Music))
        {
            throw new ArgumentException("fitting a column context needs music and noise windows", nameof(samples));
        }

        double column = 0, bias = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            foreach (var (z, mean, label) in samples)
            {
                var q = ColumnContext.Sigmoid(own * z + column * mean + bias);
                var (error, weight) = (q - (label ? 1 : 0), q * (1 - q));
                (g0, g1) = (g0 + error * mean, g1 + error);
                (h00, h01, h11) = (h00 + weight * mean * mean, h01 + weight * mean, h11 + weight);
            }

            var determinant = h00 * h11 - h01 * h01;
            if (!(determinant > 0))
            {
                throw new InvalidOperationException("the column context cannot be fitted: the windows' column means do not vary");
            }

            var (step0, step1) = ((h11 * g0 - h01 * g1) / determinant, (h00 * g1 - h01 * g0) / determinant);
            (column, bias) = (column - step0, bias - step1);
            if (Math.Abs(step0) + Math.Abs(step1) < 1e-9)
            {
                return (column, bias);
            }
        }

        throw new InvalidOperationException($"the column context did not converge in 50 Newton steps (column {column}, bias {bias}): the classes are separated by the column mean alone");
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
