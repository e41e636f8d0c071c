using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>Turns the cell map into time segments: runs of cell columns whose column probability is on one side of 0.5.</summary>
public static class SegmentFinder
{
    public static double CellSeconds => WindowGrid.Stride * SpectrogramParameters.FrameSeconds;

    public static IReadOnlyList<Segment> Find(ProbabilityMap map, double durationSeconds)
    {
        var segments = new List<Segment>();
        var start = 0;
        var sum = 0.0;
        bool? current = null;
        for (var c = 0; c <= map.Columns; c++)
        {
            var p = c < map.Columns ? map.ColumnProbability(c) : 0f;
            var isMusic = p > ProbabilityMap.Threshold;
            if (c == map.Columns || (current is { } label && label != isMusic))
            {
                if (current is { } done)
                {
                    segments.Add(new Segment(
                        start * CellSeconds,
                        Math.Min(c * CellSeconds, durationSeconds),
                        done ? Segment.Music : Segment.Noise,
                        sum / (c - start)));
                }

                start = c;
                sum = 0;
            }

            current = isMusic;
            sum += p;
        }

        return segments;
    }
}
