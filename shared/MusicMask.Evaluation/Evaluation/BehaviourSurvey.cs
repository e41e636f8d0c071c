using System.Globalization;
using System.Text;
using System.Text.Json;
using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Segmentation;

namespace MusicMask.Evaluation;

/// <summary>A folder of recordings of one kind (music, sung, speech, field, beds, ...).</summary>
public sealed record KindFolder(string Kind, string Folder);

/// <summary>
/// What `segment` does with one kind of recording, as scored and with empty cells gated: the share of its time
/// called music, and the share of the cells in bands it leaves empty that are marked music. One row per kind
/// and one per package (the prefix before "__" in a prepared file's name).
/// </summary>
public sealed record BehaviourRow(
    string Kind,
    string Package,
    int Files,
    double Seconds,
    double MusicSeconds,
    double GatedMusicSeconds,
    double SegmentMusicSeconds,
    long MarkedCells,
    long GatedMarkedCells,
    long EmptyCells,
    long EmptyCellsMarked,
    long GatedEmptyCellsMarked)
{
    public double MusicShare => Seconds > 0 ? MusicSeconds / Seconds : 0;

    public double GatedMusicShare => Seconds > 0 ? GatedMusicSeconds / Seconds : 0;

    /// <summary>Share of the time in music segments: gated, then the survey's <see cref="SegmentRules"/> (`segment` uses <see cref="SegmentRules.Default"/>).</summary>
    public double SegmentMusicShare => Seconds > 0 ? SegmentMusicSeconds / Seconds : 0;

    public double EmptyMarkedShare => EmptyCells > 0 ? (double)EmptyCellsMarked / EmptyCells : 0;

    public double GatedEmptyMarkedShare => EmptyCells > 0 ? (double)GatedEmptyCellsMarked / EmptyCells : 0;

    /// <summary>Share of the cells marked music as scored that the gate takes away.</summary>
    public double GateCost => MarkedCells > 0 ? 1 - (double)GatedMarkedCells / MarkedCells : 0;

    public static BehaviourRow Sum(string kind, string package, IEnumerable<BehaviourRow> rows)
    {
        var list = rows.ToList();
        return new BehaviourRow(
            kind, package, list.Sum(r => r.Files), list.Sum(r => r.Seconds), list.Sum(r => r.MusicSeconds), list.Sum(r => r.GatedMusicSeconds), list.Sum(r => r.SegmentMusicSeconds),
            list.Sum(r => r.MarkedCells), list.Sum(r => r.GatedMarkedCells), list.Sum(r => r.EmptyCells), list.Sum(r => r.EmptyCellsMarked), list.Sum(r => r.GatedEmptyCellsMarked));
    }
}

/// <summary>A file of a kind's folder that could not be decoded (empty, truncated, not audio): left out of the rows, with why.</summary>
public sealed record SkippedFile(string Kind, string Path, string Reason);

public sealed record BehaviourReport(string Model, float EmptyBelowLoudestDecibels, float GateBelowLoudestDecibels, SegmentRules SegmentRules, IReadOnlyList<BehaviourRow> Rows, IReadOnlyList<SkippedFile> Skipped);

public static class BehaviourSurvey
{
    /// <summary>
    /// "Bands the recording leaves empty", for the measure: cells this far under the loudest cell of their column
    /// (or at the floor). Stricter than the gate's own <see cref="EmptyCells.BelowLoudestDecibels"/>, so the gate
    /// does not pass its own test by definition.
    /// </summary>
    public const float EmptyBelowLoudestDecibels = 40f;

    public static BehaviourReport Run(
        Scoring.StripScorer scorer,
        IReadOnlyList<KindFolder> kinds,
        float gateBelowLoudest = EmptyCells.BelowLoudestDecibels,
        SegmentRules? rules = null,
        IProgress<string>? progress = null)
    {
        rules ??= SegmentRules.Default;
        var segmenter = new Segmenter(scorer, new SegmenterOptions { GateEmptyCells = false });
        var rows = new List<BehaviourRow>();
        var skipped = new List<SkippedFile>();
        foreach (var kind in kinds)
        {
            var files = AudioFiles.In(kind.Folder);
            var perFile = new List<BehaviourRow>();
            foreach (var path in files)
            {
                try
                {
                    perFile.Add(Survey(segmenter, kind.Kind, path, gateBelowLoudest, rules, progress));
                }
                catch (AudioFormatException error)
                {
                    skipped.Add(new SkippedFile(kind.Kind, path, error.Message));
                    progress?.Report($"{kind.Kind}: {Path.GetFileName(path)}: skipped, {error.Message}");
                }
            }

            if (perFile.Count == 0)
            {
                throw new InvalidDataException($"{kind.Kind}: no decodable audio files in {kind.Folder} ({files.Count} found)");
            }

            rows.Add(BehaviourRow.Sum(kind.Kind, "all", perFile));
            rows.AddRange(perFile.GroupBy(r => r.Package).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => BehaviourRow.Sum(kind.Kind, g.Key, g)));
        }

        return new BehaviourReport(segmenter.Model.Name, EmptyBelowLoudestDecibels, gateBelowLoudest, rules, rows, skipped);
    }

    private static BehaviourRow Survey(Segmenter segmenter, string kind, string path, float gateBelowLoudest, SegmentRules rules, IProgress<string>? progress)
    {
        var result = segmenter.Run(path);
        var map = result.Map;
        var gated = EmptyCells.Gate(map, result.Preview, gateBelowLoudest);
        var empty = EmptyCells.Of(result.Preview, map.Columns, EmptyBelowLoudestDecibels);
        long emptyCount = 0, emptyMarked = 0, gatedEmptyMarked = 0;
        for (var i = 0; i < empty.Length; i++)
        {
            if (empty[i])
            {
                emptyCount++;
                emptyMarked += map.Values[i] > ProbabilityMap.Threshold ? 1 : 0;
                gatedEmptyMarked += gated.Values[i] > ProbabilityMap.Threshold ? 1 : 0;
            }
        }

        var seconds = result.Tiling.DurationSeconds;
        var row = new BehaviourRow(
            kind,
            Package(path),
            1,
            seconds,
            MusicSeconds(SegmentFinder.Find(map, seconds, SegmentRules.None)),
            MusicSeconds(SegmentFinder.Find(gated, seconds, SegmentRules.None)),
            MusicSeconds(SegmentFinder.Find(gated, seconds, rules)),
            map.Values.Count(p => p > ProbabilityMap.Threshold),
            gated.Values.Count(p => p > ProbabilityMap.Threshold),
            emptyCount,
            emptyMarked,
            gatedEmptyMarked);
        progress?.Report($"{kind}: {Path.GetFileName(path)}: {row.MusicShare:P1} of {seconds:F1} s called music ({row.GatedMusicShare:P1} gated, {row.SegmentMusicShare:P1} in segments)");
        return row;
    }

    private static double MusicSeconds(IEnumerable<Segment> segments) => segments.Where(s => s.Label == Segment.Music).Sum(s => s.End - s.Start);

    private static string Package(string path)
    {
        var name = Path.GetFileName(path);
        var split = name.IndexOf("__", StringComparison.Ordinal);
        return split > 0 ? name[..split] : "(loose files)";
    }

    public static string Markdown(BehaviourReport report)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Model {report.Model}; empty bands: cells over {report.EmptyBelowLoudestDecibels:0} dB under the loudest cell of their column or at the floor; gate: cells over {report.GateBelowLoudestDecibels:0} dB under it or at the floor.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Time called music: columns over 0.5 as scored, gated, and in segments (gated; music runs under {report.SegmentRules.MinimumMusicSeconds:0.##} s dropped, gaps under {report.SegmentRules.BridgedGapSeconds:0.##} s bridged).\n\n");
        text.Append("| kind | package | files | minutes | time called music | gated | in segments | empty-band cells marked music | gated | marked cells the gate removes |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in report.Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {r.Kind} | {r.Package} | {r.Files} | {r.Seconds / 60:F1} | {r.MusicShare:P1} | {r.GatedMusicShare:P1} | {r.SegmentMusicShare:P1} | {r.EmptyMarkedShare:P1} | {r.GatedEmptyMarkedShare:P1} | {r.GateCost:P1} |\n");
        }

        if (report.Skipped.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nSkipped, as they could not be decoded ({report.Skipped.Count}):\n\n");
            foreach (var file in report.Skipped)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {file.Kind}: {Path.GetFileName(file.Path)}: {file.Reason}\n");
            }
        }

        return text.ToString();
    }

    public static string Json(BehaviourReport report) => JsonSerializer.Serialize(report, new JsonSerializerOptions(Outputs.JsonOptions.Indented));
}
