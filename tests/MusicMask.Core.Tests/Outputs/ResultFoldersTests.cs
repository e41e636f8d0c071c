using System.Text;
using System.Text.Json;
using MusicMask.Outputs;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Outputs;

public class ResultFoldersTests
{
    private static readonly byte[] Manifest = ResultFiles.Serialize(new ResultManifest
    {
        Source = new SourceInfo("x.wav", null, null, 10, "WAV PCM 16-bit", 44_100, 1),
        DurationSeconds = 1,
        Frames = 345,
        CellColumns = 22,
        Model = new ModelInfo("test", "1", "00"),
        Parameters = new Dictionary<string, double>(),
        StageSeconds = new Dictionary<string, double>(),
        Files = [ResultFiles.Probability],
        MusicSegments = 0,
        MusicSeconds = 0,
    });

    private static readonly ErrorRecord Error = new("x.wav", "decode", "truncated WAV", DateTimeOffset.UnixEpoch);

    [Fact]
    public void PublishingReplacesTheResultFilesAndLeavesNoStagingBehind()
    {
        using var temp = new TempDirectory();
        new ResultFolders(temp.Path).Publish("a/b.wav", [(ResultFiles.Labels, [1]), (ResultFiles.Overlay, [1]), (ResultFiles.Manifest, Manifest)]);

        var folder = new ResultFolders(temp.Path).Publish("a/b.wav", [(ResultFiles.Labels, [2]), (ResultFiles.Manifest, Manifest)]);

        Assert.Equal([ResultFiles.Labels, ResultFiles.Manifest], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal([2], File.ReadAllBytes(Path.Combine(folder, ResultFiles.Labels)));
        Assert.Equal(["a"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AnErrorReplacesEarlierResults()
    {
        using var temp = new TempDirectory();
        new ResultFolders(temp.Path).Publish("x.wav", [(ResultFiles.Labels, [1]), (ResultFiles.Manifest, Manifest)]);

        var folder = new ResultFolders(temp.Path).PublishError("x.wav", Error);

        Assert.Equal([ResultFiles.Error], Directory.GetFiles(folder).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.Error)));
        Assert.Equal("decode", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal("truncated WAV", json.RootElement.GetProperty("reason").GetString());
        Assert.False(json.RootElement.TryGetProperty("details", out _));
    }

    [Fact]
    public void AFolderHoldingAnythingElseIsLeftUntouched()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("x.wav"));
        File.WriteAllText(temp.File("x.wav/notes.txt"), "mine");
        File.WriteAllText(temp.File("x.wav/labels.txt"), "mine too");

        var error = Assert.Throws<ResultConflictException>(() => new ResultFolders(temp.Path).Publish("x.wav", [(ResultFiles.Labels, [1])]));

        Assert.Contains("holds files MusicMask did not write", error.Message);
        Assert.Equal("mine too", File.ReadAllText(temp.File("x.wav/labels.txt")));
        Assert.Equal(2, Directory.GetFiles(temp.File("x.wav")).Length);
    }

    [Theory]
    [InlineData("{\"name\": \"someone else's manifest\"}")]
    [InlineData("not json")]
    public void AManifestThisToolDidNotWriteIsNotReplaced(string foreign)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("x.wav"));
        File.WriteAllText(temp.File("x.wav/manifest.json"), foreign);

        Assert.Throws<ResultConflictException>(() => new ResultFolders(temp.Path).PublishError("x.wav", Error));
        Assert.Equal(foreign, File.ReadAllText(temp.File("x.wav/manifest.json")));
    }

    [Fact]
    public void OverwriteWritesIntoAForeignFolderAndStillKeepsWhatIsNotAResultFile()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("x.wav"));
        File.WriteAllText(temp.File("x.wav/notes.txt"), "mine");

        var folder = new ResultFolders(temp.Path, overwrite: true).Publish("x.wav", [(ResultFiles.Labels, [1]), (ResultFiles.Manifest, Manifest)]);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Manifest)));
    }

    [Fact]
    public void ResultsNestedInAResultFolderSurviveItsReplacement()
    {
        using var temp = new TempDirectory();
        var results = new ResultFolders(temp.Path);
        results.Publish("a.wav/b.wav", [(ResultFiles.Manifest, Manifest)]);
        results.Publish("a.wav", [(ResultFiles.Manifest, Manifest)]);

        new ResultFolders(temp.Path).PublishError("a.wav", Error);

        Assert.True(File.Exists(temp.File("a.wav/b.wav/manifest.json")));
        Assert.True(File.Exists(temp.File("a.wav/error.json")));
    }

    [Fact]
    public void AReplacementCutShortBeforeItsManifestCanBeFinishedByTheNextRun()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("x.wav"));
        File.WriteAllBytes(temp.File("x.wav/probability.npy"), [1]);
        File.WriteAllBytes(temp.File($"x.wav/{ResultFolders.ReplacedManifest}"), Manifest);

        var folder = new ResultFolders(temp.Path).Publish("x.wav", [(ResultFiles.Probability, [2]), (ResultFiles.Manifest, Manifest)]);

        Assert.Equal([2], File.ReadAllBytes(Path.Combine(folder, ResultFiles.Probability)));
        Assert.Equal([ResultFiles.Manifest, ResultFiles.Probability], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(ResultFiles.Labels)]
    [InlineData(ResultFiles.Overlay)]
    public void AFolderHoldingOnlyAUsersFileWithAResultFileNameIsLeftUntouched(string file)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("song.wav"));
        File.WriteAllText(temp.File($"song.wav/{file}"), "the user's own");
        var results = new ResultFolders(temp.Path);

        Assert.Throws<ResultConflictException>(() => results.Publish("song.wav", [(ResultFiles.Labels, [1]), (ResultFiles.Manifest, Manifest)]));
        Assert.Throws<ResultConflictException>(() => results.PublishError("song.wav", Error));

        Assert.Equal("the user's own", File.ReadAllText(temp.File($"song.wav/{file}")));
        Assert.Single(Directory.GetFiles(temp.File("song.wav")));
    }

    [Fact]
    public void AResultFolderThatIsALinkOutOfTheOutputIsLeftAlone()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("elsewhere"));
        Directory.CreateDirectory(temp.File("out"));
        Directory.CreateSymbolicLink(temp.File("out/x.wav"), temp.File("elsewhere"));

        Assert.Throws<ResultConflictException>(() => new ResultFolders(temp.File("out")).PublishError("x.wav", Error));

        Assert.Empty(Directory.GetFileSystemEntries(temp.File("elsewhere")));
    }

    [Fact]
    public void TwoInputsOfOneRunNeverShareAFolder()
    {
        using var temp = new TempDirectory();
        var results = new ResultFolders(temp.Path);
        results.Publish("x.wav", [(ResultFiles.Labels, [1]), (ResultFiles.Manifest, Manifest)]);

        Assert.Throws<ResultConflictException>(() => results.PublishError("x.wav", Error));

        Assert.Equal([1], File.ReadAllBytes(temp.File("x.wav/labels.txt")));
    }

    [Fact]
    public void AFileWhereTheFolderWouldGoIsAConflict()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.wav"), "audio");

        Assert.Throws<ResultConflictException>(() => new ResultFolders(temp.Path).PublishError("x.wav", Error));
        Assert.Equal("audio", File.ReadAllText(temp.File("x.wav")));
    }

    [Fact]
    public void AnOverlongNameIsCutWithAHashStablyAndUniquely()
    {
        var stem = new string('é', 150);
        var first = ResultFolderNames.RelativePath($"dir/{stem}a.wav");
        var second = ResultFolderNames.RelativePath($"dir/{stem}b.wav");

        Assert.Equal(first, ResultFolderNames.RelativePath($"dir/{stem}a.wav"));
        Assert.NotEqual(first, second);
        Assert.StartsWith("dir/éé", first);
        Assert.EndsWith(".wav", first);
        Assert.InRange(Encoding.UTF8.GetByteCount(Path.GetFileName(first)), 190, ResultFolderNames.MaxSegmentBytes);
        Assert.Equal("dir/short.wav", ResultFolderNames.RelativePath("dir/short.wav"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a/../b.wav")]
    [InlineData("/abs.wav")]
    [InlineData("a//b.wav")]
    public void ANameThatCouldLeaveTheOutputIsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => ResultFolderNames.RelativePath(name));

    [Fact]
    public void AnOutputThatIsContainsOrLiesInsideAnInputIsRefused()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("rec/sub"));
        File.WriteAllText(temp.File("rec/a.wav"), "x");
        Directory.CreateSymbolicLink(temp.File("alias"), "rec");

        Assert.Contains("is the input", ResultFolders.ProblemWith(temp.File("rec"), [temp.File("rec/.")]));
        Assert.Contains("lies inside the input", ResultFolders.ProblemWith(temp.File("rec/out/new"), [temp.File("rec/")]));
        Assert.Contains("lies inside the input", ResultFolders.ProblemWith(temp.File("alias/out"), [temp.File("rec")]));
        Assert.Contains("contains the input", ResultFolders.ProblemWith(temp.Path, [temp.File("rec/a.wav")]));
        Assert.Contains("is a file", ResultFolders.ProblemWith(temp.File("rec/a.wav"), [temp.File("elsewhere.wav")]));
        Assert.Null(ResultFolders.ProblemWith(temp.File("out"), [temp.File("rec"), temp.File("rec/a.wav")]));
        Assert.Null(ResultFolders.ProblemWith(temp.File("recordings"), [temp.File("rec")]));
    }
}
