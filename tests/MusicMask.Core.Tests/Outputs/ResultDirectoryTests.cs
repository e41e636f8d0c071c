using System.Text.Json;
using MusicMask.Outputs;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Outputs;

public class ResultDirectoryTests
{
    [Fact]
    public void PublishingReplacesTheWholeFolder()
    {
        using var temp = new TempDirectory();
        ResultDirectory.Publish(temp.Path, "a/b.wav", [("old.txt", [1]), ("keep.txt", [1])]);
        var folder = ResultDirectory.Publish(temp.Path, "a/b.wav", [("keep.txt", [2])]);
        Assert.Equal(["keep.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(temp.Path, "a")), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void AnErrorReplacesEarlierResults()
    {
        using var temp = new TempDirectory();
        ResultDirectory.Publish(temp.Path, "x.wav", [(ResultFiles.Manifest, [1])]);
        var folder = ResultDirectory.PublishError(temp.Path, "x.wav", new ErrorRecord("x.wav", "decode", "truncated WAV", DateTimeOffset.UnixEpoch));
        Assert.Equal([ResultFiles.Error], Directory.GetFiles(folder).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.Error)));
        Assert.Equal("decode", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal("truncated WAV", json.RootElement.GetProperty("reason").GetString());
    }
}
