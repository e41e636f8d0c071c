using MusicMask.Evaluation;
using MusicMask.Models;
using MusicMask.Scoring;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Gives an exported model a context fitted on the train split's music against its noise and speech (clean, 0 dB and
/// -10 dB, as `musicmask eval` draws them), without touching the network: first its <see cref="ColumnContext"/>,
/// then its <see cref="TimeContext"/> over the scores the first gives. A decision chosen after this (`decide`)
/// moves the last context's bias.
/// </summary>
public static class ContextExport
{
    public static ColumnContext Column(string model, string dataFolder, string target, int seed, int windowsPerCondition, IProgress<string>? progress = null) =>
        Write(model, dataFolder, target, seed, windowsPerCondition, "the column context",
            (scorer, music, noise, options) => ColumnContextFit.Fit(scorer, music, noise, options, progress: progress),
            (weights, context) => weights with { ColumnContext = context });

    public static TimeContext Time(string model, string dataFolder, string target, int seed, int windowsPerCondition, int radius, IProgress<string>? progress = null) =>
        Write(model, dataFolder, target, seed, windowsPerCondition, "the time context",
            (scorer, music, noise, options) => TimeContextFit.Fit(scorer, music, noise, options, radius, progress),
            (weights, context) => weights with { TimeContext = context });

    private static T Write<T>(
        string model,
        string dataFolder,
        string target,
        int seed,
        int windowsPerCondition,
        string step,
        Func<StripScorer, List<string>, List<string>, EvaluationOptions, T> fit,
        Func<NetworkWeights, T, NetworkWeights> apply)
        where T : class
    {
        var train = Path.Combine(dataFolder, "train");
        var music = Wavs(Path.Combine(train, "music"));
        var noise = Wavs(Path.Combine(train, "noise")).Concat(Wavs(Path.Combine(train, "speech"))).ToList();
        if (music.Count == 0 || noise.Count == 0)
        {
            throw new ArgumentException($"{train} needs music/ and noise/ (or speech/) with WAV files; run scripts/prepare-data.sh");
        }

        T? context = null;
        var options = new EvaluationOptions { Seed = seed, WindowsPerCondition = windowsPerCondition, Snrs = [null, 0, -10] };
        ExportedModel.Rewrite(model, target, step, (scorer, weights) =>
        {
            context = fit(scorer, music, noise, options);
            return apply(weights, context);
        });
        return context!;
    }

    private static List<string> Wavs(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.wav").Order(StringComparer.Ordinal).ToList() : [];
}
