using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Browser.Tests.Support;

/// <summary>
/// Result folders as `segment` leaves them (manifest.json and segments.json in the tool's own formats, or an
/// error.json), for thousands of files without segmenting thousands of files: only what a report reads.
/// </summary>
public static class SyntheticResults
{
    public static void Write(string root, IEnumerable<string> names, int seed)
    {
        var random = new Random(seed);
        var i = 0;
        foreach (var name in names)
        {
            var folder = new ResultFolders(root).FolderFor(name);
            Directory.CreateDirectory(folder);
            if (++i % 97 == 0)
            {
                File.WriteAllBytes(Path.Combine(folder, ResultFiles.Error), ResultFiles.Serialize(new ErrorRecord(name, "decode", $"not audio: case {i}", DateTimeOffset.UnixEpoch)));
                continue;
            }

            var duration = Math.Round(5 + random.NextDouble() * 3 * 3600, 3);
            var segments = Segments(random, duration);
            File.WriteAllText(Path.Combine(folder, ResultFiles.SegmentsJson), SegmentWriter.ToJson(segments));
            File.WriteAllBytes(Path.Combine(folder, ResultFiles.Manifest), ResultFiles.Serialize(Manifest(name, duration, segments, truncated: i % 89 == 0)));
        }
    }

    private static List<Segment> Segments(Random random, double duration)
    {
        var segments = new List<Segment>();
        var musicWeight = random.NextDouble();
        for (var start = 0.0; start < duration;)
        {
            var end = Math.Min(duration, start + 1 + random.NextDouble() * duration / 6);
            segments.Add(new Segment(start, end, random.NextDouble() < musicWeight ? Segment.Music : Segment.Noise, random.NextDouble()));
            start = end;
        }

        return segments;
    }

    private static ResultManifest Manifest(string name, double duration, List<Segment> segments, bool truncated)
    {
        var music = segments.Where(s => s.Label == Segment.Music).ToArray();
        return new ResultManifest
        {
            Source = new SourceInfo(name, null, null, (long)(duration * 88_200), "WAV PCM 16-bit", 44_100, 1),
            DurationSeconds = duration,
            Frames = (long)(duration * 44_100 / 128),
            CellColumns = (int)(duration / 0.0464),
            Model = new ModelInfo("synthetic", "1", new string('0', 64)),
            Parameters = new Dictionary<string, double>(),
            StageSeconds = new Dictionary<string, double>(),
            Files = [ResultFiles.Probability, ResultFiles.Mask, ResultFiles.SegmentsCsv, ResultFiles.SegmentsJson, ResultFiles.Labels, ResultFiles.Overlay],
            MusicSegments = music.Length,
            MusicSeconds = Math.Round(music.Sum(s => s.End - s.Start), 3),
            Truncation = truncated ? new Audio.Truncation("the data chunk ends early", duration, duration + 1) : null,
        };
    }
}
