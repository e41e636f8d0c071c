using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>
/// Turns the cell map into time segments: each cell column is music when its column probability is over 0.5, then
/// <see cref="SegmentRules"/> bridge short gaps and drop short music runs, and runs of one label become segments.
/// </summary>
public static class SegmentFinder
{
    public static double CellSeconds => WindowGrid.Stride * SpectrogramParameters.FrameSeconds;

    public static IReadOnlyList<Segment> Find(ProbabilityMap map, double durationSeconds, SegmentRules? rules = null)
    {
        rules ??= SegmentRules.Default;
        var probabilities = new float[map.Columns];
        var music = new bool[map.Columns];
        for (var c = 0; c < map.Columns; c++)
        {
            probabilities[c] = map.ColumnProbability(c);
            music[c] = probabilities[c] > ProbabilityMap.Threshold;
        }

        Relabel(music, isMusic: false, run => run.Start > 0 && run.End < music.Length && Seconds(run) < rules.BridgedGapSeconds);
        Relabel(music, isMusic: true, run => Seconds(run) < rules.MinimumMusicSeconds && !(run.Start == 0 && run.End == music.Length));

        var segments = new List<Segment>();
        foreach (var run in Runs(music))
        {
            var mean = 0.0;
            for (var c = run.Start; c < run.End; c++)
            {
                mean += probabilities[c];
            }

            segments.Add(new Segment(
                run.Start * CellSeconds,
                Math.Min(run.End * CellSeconds, durationSeconds),
                run.IsMusic ? Segment.Music : Segment.Noise,
                mean / (run.End - run.Start)));
        }

        return segments;
    }

    private readonly record struct Run(int Start, int End, bool IsMusic);

    private static double Seconds(Run run) => (run.End - run.Start) * CellSeconds;

    /// <summary>Flips every run with the given label that matches, judged on the labels before any flip.</summary>
    private static void Relabel(bool[] music, bool isMusic, Func<Run, bool> flip)
    {
        foreach (var run in Runs(music).Where(r => r.IsMusic == isMusic && flip(r)).ToList())
        {
            Array.Fill(music, !isMusic, run.Start, run.End - run.Start);
        }
    }

    private static IEnumerable<Run> Runs(bool[] music)
    {
        var start = 0;
        for (var c = 1; c <= music.Length; c++)
        {
            if (c == music.Length || music[c] != music[start])
            {
                yield return new Run(start, c, music[start]);
                start = c;
            }
        }
    }
}
