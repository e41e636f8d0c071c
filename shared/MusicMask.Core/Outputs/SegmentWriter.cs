using System.Globalization;
using System.Text;
using System.Text.Json;
using MusicMask.Segmentation;

namespace MusicMask.Outputs;

/// <summary>The time segments as CSV, JSON and an Audacity label track (music segments only).</summary>
public static class SegmentWriter
{
    public static string ToCsv(IEnumerable<Segment> segments)
    {
        var text = new StringBuilder("start,end,label,mean_probability\n");
        foreach (var s in segments)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Start:F3},{s.End:F3},{s.Label},{s.MeanProbability:F4}\n");
        }

        return text.ToString();
    }

    public static string ToJson(IEnumerable<Segment> segments) => JsonSerializer.Serialize(
        segments.Select(s => new { start = Math.Round(s.Start, 3), end = Math.Round(s.End, 3), label = s.Label, mean_probability = Math.Round(s.MeanProbability, 4) }),
        JsonOptions.Indented);

    public static string ToAudacityLabels(IEnumerable<Segment> segments)
    {
        var text = new StringBuilder();
        foreach (var s in segments.Where(s => s.Label == Segment.Music))
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Start:F6}\t{s.End:F6}\t{s.Label}\n");
        }

        return text.ToString();
    }
}
