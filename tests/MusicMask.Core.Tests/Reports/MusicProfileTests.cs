using MusicMask.Reports;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Reports;

public class MusicProfileTests
{
    [Fact]
    public void EachBinHoldsTheShareOfItsTimeThatIsMusic()
    {
        Segment[] segments =
        [
            new(0, 2.5, Segment.Music, 0.9),
            new(2.5, 5, Segment.Noise, 0.1),
            new(5, 6, Segment.Music, 0.8),
            new(6, 10, Segment.Noise, 0.2),
        ];

        var shares = MusicProfile.FromSegments(segments, 10, bins: 5);

        Assert.Equal([1, 0.25, 0.5, 0, 0], shares.Select(s => Math.Round(s, 9)));
    }

    [Fact]
    public void SegmentsBeyondTheDurationAndAnEmptyFileAreHarmless()
    {
        Assert.Equal([0, 1], MusicProfile.FromSegments([new Segment(5, 12, Segment.Music, 1)], 10, bins: 2));
        Assert.Equal([0, 0], MusicProfile.FromSegments([new Segment(0, 1, Segment.Music, 1)], 0, bins: 2));
    }

    [Fact]
    public void EncodingGivesOneDigitPerBinAndKeepsAnyMusicVisible()
    {
        Assert.Equal("0159", MusicProfile.Encode([0, 0.001, 0.5, 1]));
    }
}
