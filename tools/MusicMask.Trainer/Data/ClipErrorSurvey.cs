using System.Globalization;
using MusicMask.Evaluation;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Training.Data;

/// <summary>One clip's share of audible windows on the wrong side of p = 0.5.</summary>
public sealed record ClipError(string Class, string Path, double Seconds, int Windows, double Error);

/// <summary>
/// Scores every music and noise clip of a split with a model, as the trainer reads them (short clips wrap), and
/// measures how many of each clip's windows it gets wrong: the survey behind <see cref="ClipEmphasis"/>.
/// </summary>
public static class ClipErrorSurvey
{
    public const string Header = "class\tfile\tseconds\twindows\terror";

    /// <summary>Clips up to this long are scored whole; longer ones by three excerpts of <see cref="ExcerptSeconds"/> spread over them.</summary>
    public const double WholeClipSeconds = 30;

    public const double ExcerptSeconds = 10;

    public static IEnumerable<ClipError> Measure(AudioLibrary library, StripScorer scorer)
    {
        foreach (var (name, isMusic) in new[] { ("music", true), ("noise", false) })
        {
            foreach (var clip in library.Clips(name))
            {
                int wrong = 0, windows = 0;
                foreach (var excerpt in Excerpts(clip))
                {
                    var scored = SignalScorer.Score(scorer, excerpt);
                    for (var i = 0; i < scored.WindowProbabilities.Length; i++)
                    {
                        if (scored.WindowDecibels[i] >= StripSampler.SilentWindowDecibels)
                        {
                            windows++;
                            wrong += scored.WindowProbabilities[i] > ProbabilityMap.Threshold == isMusic ? 0 : 1;
                        }
                    }
                }

                yield return new ClipError(name, clip.Path, clip.Length / (double)SpectrogramParameters.SampleRate, windows, windows == 0 ? 0 : (double)wrong / windows);
            }
        }
    }

    public static void Write(string path, IEnumerable<ClipError> errors)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var e in errors)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Class}\t{System.IO.Path.GetFileName(e.Path)}\t{e.Seconds:F2}\t{e.Windows}\t{e.Error:F4}"));
        }
    }

    private static IEnumerable<float[]> Excerpts(AudioClip clip)
    {
        var rate = SpectrogramParameters.SampleRate;
        if (clip.Length <= WholeClipSeconds * rate)
        {
            // A clip shorter than one window wraps, as the trainer reads it.
            var whole = new float[Math.Max(clip.Length, WindowGrid.WindowSamples)];
            clip.Read(0, whole);
            yield return whole;
            yield break;
        }

        var length = (long)(ExcerptSeconds * rate);
        foreach (var at in new[] { 0.1, 0.45, 0.8 })
        {
            var excerpt = new float[length];
            clip.Read((long)(at * (clip.Length - length)), excerpt);
            yield return excerpt;
        }
    }
}
