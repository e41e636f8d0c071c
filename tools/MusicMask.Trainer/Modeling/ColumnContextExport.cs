using MusicMask.Evaluation;
using MusicMask.Models;
using MusicMask.Scoring;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Gives an exported model a <see cref="ColumnContext"/> fitted on the train split's music against its noise and
/// speech (clean, 0 dB and -10 dB, as `musicmask eval` draws them), without touching the network. A decision
/// chosen after this (`decide`) moves the context's bias.
/// </summary>
public static class ColumnContextExport
{
    public static ColumnContext Write(string model, string dataFolder, string target, int seed, int windowsPerCondition, IProgress<string>? progress = null)
    {
        var train = Path.Combine(dataFolder, "train");
        var music = Wavs(Path.Combine(train, "music"));
        var noise = Wavs(Path.Combine(train, "noise")).Concat(Wavs(Path.Combine(train, "speech"))).ToList();
        if (music.Count == 0 || noise.Count == 0)
        {
            throw new ArgumentException($"{train} needs music/ and noise/ (or speech/) with WAV files; run scripts/prepare-data.sh");
        }

        ColumnContext? context = null;
        var options = new EvaluationOptions { Seed = seed, WindowsPerCondition = windowsPerCondition, Snrs = [null, 0, -10] };
        ExportedModel.Rewrite(model, target, "the context", (scorer, weights) =>
        {
            context = ColumnContextFit.Fit(scorer, music, noise, options, progress: progress);
            return weights with { ColumnContext = context };
        });
        return context!;
    }

    private static List<string> Wavs(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.wav").Order(StringComparer.Ordinal).ToList() : [];
}
