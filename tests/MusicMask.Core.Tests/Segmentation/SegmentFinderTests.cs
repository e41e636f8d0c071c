using MusicMask.Segmentation;

namespace MusicMask.Tests.Segmentation;

public class SegmentFinderTests
{
    private static ProbabilityMap MapOfColumns(params float[] columnProbabilities)
    {
        var columns = columnProbabilities.Length;
        var values = new float[16 * columns];
        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r < ProbabilityMap.Rows; r++)
            {
                values[r * columns + c] = columnProbabilities[c];
            }
        }

        return new ProbabilityMap(columns, values);
    }

    [Fact]
    public void RunsOfColumnsBecomeSegments()
    {
        var map = MapOfColumns(0.1f, 0.2f, 0.9f, 0.8f, 0.7f, 0.3f);
        var cell = SegmentFinder.CellSeconds;
        var segments = SegmentFinder.Find(map, 6 * cell - 0.01);
        Assert.Equal(3, segments.Count);
        Assert.Equal(new Segment(0, 2 * cell, Segment.Noise, 0.15), segments[0] with { MeanProbability = Math.Round(segments[0].MeanProbability, 5) });
        Assert.Equal(Segment.Music, segments[1].Label);
        Assert.Equal(2 * cell, segments[1].Start, 9);
        Assert.Equal(5 * cell, segments[1].End, 9);
        Assert.Equal(0.8, segments[1].MeanProbability, 5);
        Assert.Equal(6 * cell - 0.01, segments[2].End, 9);
    }

    [Fact]
    public void AColumnIsMusicWhenItsLowestWindowTallBandIs()
    {
        // Column 0: music in rows 10-13 only (0.9) over 0.2; column 1: music in rows 0-3 (0.7) under noise-like 0.1.
        var values = new float[16 * 2];
        for (var r = 0; r < 16; r++)
        {
            values[r * 2] = r is >= 10 and < 14 ? 0.9f : 0.2f;
            values[r * 2 + 1] = r < 4 ? 0.7f : 0.1f;
        }

        var map = new ProbabilityMap(2, values);
        Assert.Equal(0.2f, map.ColumnProbability(0), 5);
        Assert.Equal(0.7f, map.ColumnProbability(1), 5);
        Assert.Equal([Segment.Noise, Segment.Music], SegmentFinder.Find(map, 2 * SegmentFinder.CellSeconds).Select(s => s.Label));
    }
}
