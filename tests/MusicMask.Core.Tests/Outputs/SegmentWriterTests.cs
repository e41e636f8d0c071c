using System.Text.Json;
using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Outputs;

public class SegmentWriterTests
{
    private static readonly Segment[] Segments =
    [
        new(0, 1.5, Segment.Noise, 0.1234567),
        new(1.5, 4.25, Segment.Music, 0.9),
    ];

    [Fact]
    public void CsvHasAHeaderAndOneRowPerSegment()
    {
        var lines = SegmentWriter.ToCsv(Segments).TrimEnd().Split('\n');
        Assert.Equal("start,end,label,mean_probability", lines[0]);
        Assert.Equal("1.500,4.250,music,0.9000", lines[2]);
    }

    [Fact]
    public void JsonIsAnArrayOfObjects()
    {
        using var json = JsonDocument.Parse(SegmentWriter.ToJson(Segments));
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("music", json.RootElement[1].GetProperty("label").GetString());
        Assert.Equal(0.1235, json.RootElement[0].GetProperty("mean_probability").GetDouble());
    }

    [Fact]
    public void AudacityLabelsAreTabSeparatedMusicOnly()
    {
        Assert.Equal("1.500000\t4.250000\tmusic\n", SegmentWriter.ToAudacityLabels(Segments));
    }
}
