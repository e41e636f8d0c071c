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
    public void NoiseFromSeveralFoldersIsPooledAndReportedPerFolder()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("music"), "tunes__a.wav", 4);
        TestAudio.Write(temp.File("field"), "birds__n.wav", 4, seed: 2);
        TestAudio.Write(temp.File("words"), "voices__n.wav", 4, seed: 3);
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(0, root.Parse(["eval", "--music", temp.File("music"), "--noise", temp.File("field"), temp.File("words"), "--snr", "clean", "--windows", "500", "--model", TestModels.RandomModel(), "-o", temp.File("out")]).Invoke());

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("out/auc.json")));
        Assert.Equal(["field", "words"], json.RootElement.GetProperty("noise_sources").EnumerateArray().Select(e => e.GetString()).Order());
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

    [Fact]
    public void SeparationWritesEveryMaskPerSnrAndTheIdealPixelMaskBeatsTheIdealCells()
    {
        using var temp = new TempDirectory();

        Assert.Equal(0, Separate(temp, "--snr", "0,-5", "--excerpts", "3"));
        Assert.Contains("| 0 dB | 3 |", File.ReadAllText(temp.File("out/separation.md")));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("out/separation.json")));
        var conditions = json.RootElement.GetProperty("conditions").EnumerateArray().ToArray();
        Assert.Equal([0.0, -5.0], conditions.Select(c => c.GetProperty("snr_db").GetDouble()));
        foreach (var condition in conditions)
        {
            var improvements = condition.GetProperty("si_sdr_improvement_db");
            Assert.Equal(["cells", "level-gated", "pixel-gated", "cells-cubed", "sharpened", "tonal", "ideal-cells", "ideal-pixels"], improvements.EnumerateObject().Select(p => p.Name));
            Assert.True(improvements.GetProperty("ideal-pixels").GetProperty("mean").GetDouble() > improvements.GetProperty("ideal-cells").GetProperty("mean").GetDouble());
        }
    }

    [Theory]
    [InlineData("--centre-model", "centre_model", "| centre | centre, pixel-gated |", new[] { "centre", "centre-pixel-gated" })]
    [InlineData("--pixel-model", "pixel_model", "| pixel head | pixel head, gated | pixel head × pixel-gated |", new[] { "pixel-head", "pixel-head-gated", "pixel-head-x-shipped" })]
    public void SeparationWithASecondModelAddsItsMasksAfterTheOthers(string option, string field, string headings, string[] masks)
    {
        using var temp = new TempDirectory();
        var model = option == "--pixel-model" ? TestModels.RandomPixelHeadModel() : TestModels.RandomModel();

        Assert.Equal(0, Separate(temp, "--snr", "0", "--excerpts", "2", option, model));
        Assert.Contains(headings, File.ReadAllText(temp.File("out/separation.md")));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("out/separation.json")));
        Assert.Equal(Path.GetFileName(model), json.RootElement.GetProperty(field).GetString());
        var improvements = json.RootElement.GetProperty("conditions")[0].GetProperty("si_sdr_improvement_db");
        Assert.Equal(masks, improvements.EnumerateObject().Select(p => p.Name).TakeLast(masks.Length));
        Assert.All(improvements.EnumerateObject().TakeLast(masks.Length), mask => Assert.True(double.IsFinite(mask.Value.GetProperty("mean").GetDouble())));
    }

    /// <summary>`eval --separation` over 4 s of music and 4 s of noise in 2 s excerpts, with the random model.</summary>
    private static int Separate(TempDirectory temp, params string[] options)
    {
        TestAudio.Write(temp.File("music"), "a.wav", 4);
        TestAudio.Write(temp.File("noise"), "n.wav", 4, seed: 2);
        var root = new RootCommand { EvalCommand.Create() };
        string[] common = ["eval", "--separation", "--music", temp.File("music"), "--noise", temp.File("noise"), "--excerpt-seconds", "2", "--model", TestModels.RandomModel(), "-o", temp.File("out")];
        return root.Parse([.. common, .. options]).Invoke();
    }

    [Theory]
    [InlineData("--snr", "clean,0")]
    [InlineData("--excerpts", "0")]
    [InlineData("--sharpen-iterations", "-1")]
    [InlineData("--excerpt-seconds", "0.5")]
    public void ABadSeparationSettingEndsWithExitCodeTwoAndWritesNothing(string option, string value)
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("music"), "a.wav", 2);
        TestAudio.Write(temp.File("noise"), "n.wav", 2, seed: 2);
        var root = new RootCommand { EvalCommand.Create() };

        Assert.Equal(2, root.Parse(["eval", "--separation", "--music", temp.File("music"), "--noise", temp.File("noise"), "--model", TestModels.RandomModel(), "-o", temp.File("out"), option, value]).Invoke());
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
