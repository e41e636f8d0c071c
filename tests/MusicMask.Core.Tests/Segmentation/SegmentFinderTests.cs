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
        var segments = SegmentFinder.Find(map, 6 * cell - 0.01, SegmentRules.None);
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
        Assert.Equal([Segment.Noise, Segment.Music], SegmentFinder.Find(map, 2 * SegmentFinder.CellSeconds, SegmentRules.None).Select(s => s.Label));
    }

    private static int Cells(double seconds) => (int)Math.Ceiling(seconds / SegmentFinder.CellSeconds);

    /// <summary>Columns at 0.9 (music) or 0.1 (noise), in runs of the given seconds, starting with noise.</summary>
    private static ProbabilityMap Alternating(params double[] runSeconds)
    {
        var columns = new List<float>();
        for (var i = 0; i < runSeconds.Length; i++)
        {
            columns.AddRange(Enumerable.Repeat(i % 2 == 0 ? 0.1f : 0.9f, Cells(runSeconds[i])));
        }

        return MapOfColumns([.. columns]);
    }

    private static double MusicSeconds(IEnumerable<Segment> segments) => segments.Where(s => s.Label == Segment.Music).Sum(s => s.End - s.Start);

    [Fact]
    public void MusicShorterThanTheMinimumIsNoise()
    {
        var map = Alternating(5, SegmentRules.Default.MinimumMusicSeconds - 0.5, 5);
        var duration = map.Columns * SegmentFinder.CellSeconds;
        Assert.True(MusicSeconds(SegmentFinder.Find(map, duration, SegmentRules.None)) > 2);
        var segments = SegmentFinder.Find(map, duration);
        Assert.Equal([Segment.Noise], segments.Select(s => s.Label));
        Assert.Equal(duration, segments[0].End, 9);
    }

    [Fact]
    public void MusicAsLongAsTheMinimumStays()
    {
        var map = Alternating(5, SegmentRules.Default.MinimumMusicSeconds, 5);
        var segments = SegmentFinder.Find(map, map.Columns * SegmentFinder.CellSeconds);
        Assert.Equal([Segment.Noise, Segment.Music, Segment.Noise], segments.Select(s => s.Label));
        Assert.Equal(Cells(5) * SegmentFinder.CellSeconds, segments[1].Start, 9);
    }

    [Fact]
    public void AShortGapInsideMusicIsBridged()
    {
        var gap = SegmentRules.Default.BridgedGapSeconds - 0.2;
        var map = Alternating(2, 4, gap, 4, 2);
        var segments = SegmentFinder.Find(map, map.Columns * SegmentFinder.CellSeconds);
        Assert.Equal([Segment.Noise, Segment.Music, Segment.Noise], segments.Select(s => s.Label));
        var columns = Cells(4) * 2 + Cells(gap);
        Assert.Equal(columns * SegmentFinder.CellSeconds, segments[1].End - segments[1].Start, 9);
        Assert.Equal((0.9 * Cells(4) * 2 + 0.1 * Cells(gap)) / columns, segments[1].MeanProbability, 5);
    }

    [Fact]
    public void ALongerGapSplitsTheMusic()
    {
        var map = Alternating(2, 4, SegmentRules.Default.BridgedGapSeconds + 0.1, 4, 2);
        var labels = SegmentFinder.Find(map, map.Columns * SegmentFinder.CellSeconds).Select(s => s.Label);
        Assert.Equal([Segment.Noise, Segment.Music, Segment.Noise, Segment.Music, Segment.Noise], labels);
    }

    [Fact]
    public void NoiseAtTheEdgesIsNeverBridged()
    {
        var map = Alternating(0.5, 4);
        var segments = SegmentFinder.Find(map, map.Columns * SegmentFinder.CellSeconds);
        Assert.Equal([Segment.Noise, Segment.Music], segments.Select(s => s.Label));
    }

    [Fact]
    public void AShortRecordingThatIsMusicThroughoutStaysMusic()
    {
        var map = MapOfColumns([.. Enumerable.Repeat(0.8f, Cells(1))]);
        var segments = SegmentFinder.Find(map, 1.0);
        Assert.Equal([Segment.Music], segments.Select(s => s.Label));
        Assert.Equal(1.0, segments[0].End, 9);
    }

    [Fact]
    public void AnEmptyMapHasNoSegments() => Assert.Empty(SegmentFinder.Find(new ProbabilityMap(0, []), 0));
}
