using System.CommandLine;
using MusicMask.Cli.Commands;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Commands;

public class EvalCommandTests
{
    [Theory]
    [InlineData("--baseline", "missing.onnx")]
    [InlineData("--baseline", "not-a-model.onnx")]
    [InlineData("--snr", "clean,loud")]
    [InlineData("--snr", "")]
    [InlineData("--snr", "clean,nan")]
    [InlineData("--snr", "-400")]
    public void BadInputEndsWithExitCodeTwoAndWritesNothing(string option, string value)
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("music"), "a.wav", 4);
        TestAudio.Write(temp.File("noise"), "n.wav", 4, seed: 2);
        File.WriteAllText(temp.File("not-a-model.onnx"), "not protobuf");
        var argument = option == "--baseline" ? temp.File(value) : value;
        var root = new RootCommand { EvalCommand.Create() };

        var exitCode = root.Parse(["eval", "--music", temp.File("music"), "--noise", temp.File("noise"), "--windows", "500", "--model", TestModels.RandomModel(), "-o", temp.File("out"), option, argument]).Invoke();

        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Theory]
    [InlineData("music")]
    [InlineData("=music")]
    [InlineData("music=nowhere")]
    public void ABadBehaviourPairEndsWithExitCodeTwoAndWritesNothing(string pair)
    {
        using var temp = new TempDirectory();
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(2, root.Parse(["eval", "--behaviour", pair.Replace("nowhere", temp.File("nowhere")), "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());
        Assert.Equal(2, root.Parse(["eval", "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void BehaviourWritesItsTableAndJson()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("music"), "pkg__a.wav", 3);
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(0, root.Parse(["eval", "--behaviour", $"music={temp.File("music")}", "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());

        Assert.Contains("| music | pkg | 1 |", File.ReadAllText(temp.File("out/behaviour.md")));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("out/behaviour.json")));
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void AMissingFolderEndsWithExitCodeTwo()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("noise"), "n.wav", 4);
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(2, root.Parse(["eval", "--music", temp.File("nowhere"), "--noise", temp.File("noise"), "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());
    }

    [Fact]
    public void AFileInTheFolderThatIsNotAudioEndsWithExitCodeTwo()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("music"), "a.wav", 4);
        TestAudio.Write(temp.File("noise"), "n.wav", 4, seed: 2);
        File.WriteAllBytes(temp.File("noise/cut.wav"), "RIFF"u8.ToArray());
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(2, root.Parse(["eval", "--music", temp.File("music"), "--noise", temp.File("noise"), "--windows", "500", "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());
    }
}
