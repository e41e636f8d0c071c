using MusicMask.Scoring;

namespace MusicMask.Evaluation;

/// <summary>
/// The windows a context is fitted on, drawn as <see cref="Evaluator"/> draws them: for each condition, music clean
/// or under noise at its SNR as positives and the same noise alone as negatives, until the condition has its
/// windows; what each scored signal gives is up to the context.
/// </summary>
internal static class ContextSamples
{
    /// <param name="samples">A scored signal's samples, given whether music is in it.</param>
    public static List<T> Collect<T>(
        StripScorer scorer,
        IReadOnlyList<string> musicFiles,
        IReadOnlyList<string> noiseFiles,
        EvaluationOptions options,
        Func<ScoredSignal, bool, IEnumerable<T>> samples,
        IProgress<string>? progress)
    {
        options.Validate();
        var music = new ExcerptDraws(musicFiles, options.ExcerptSeconds);
        var noise = new ExcerptDraws(noiseFiles, options.ExcerptSeconds);
        var collected = new List<T>();
        foreach (var snr in options.Snrs)
        {
            var random = new Random(options.ConditionSeed(snr));
            var silentDraws = new SilentDraws(options.SilentWindowDecibels);
            var target = collected.Count + options.WindowsPerCondition;
            while (collected.Count < target)
            {
                var (musicExcerpt, _, noiseExcerpt, _) = ExcerptPair.DrawSounding(music, noise, random, silentDraws);
                var (positive, noiseAlone) = ExcerptPair.Mix(musicExcerpt, noiseExcerpt, snr);
                var before = collected.Count;
                collected.AddRange(samples(SignalScorer.Score(scorer, positive), true));
                var musicAudible = collected.Count > before;
                var noiseStart = collected.Count;
                collected.AddRange(samples(SignalScorer.Score(scorer, noiseAlone), false));
                silentDraws.Add(musicAudible, collected.Count > noiseStart);
            }

            progress?.Report($"{(snr is { } value ? $"{value:+0;-0;0} dB" : "clean")}: {collected.Count} windows so far");
        }

        return collected;
    }
}
