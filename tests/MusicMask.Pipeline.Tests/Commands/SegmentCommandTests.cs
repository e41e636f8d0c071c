using System.CommandLine;
using System.Text.Json;
using MusicMask.Cli.Commands;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Commands;

/// <summary>`musicmask segment` given typos, odd names, nested inputs and broken files among good ones.</summary>
public class SegmentCommandTests
{
    private static int Segment(params string[] args) =>
        new RootCommand { SegmentCommand.Create() }.Parse(["segment", .. args, "--model", TestModels.RandomModel(), "--threads", "1"]).Invoke();

    private static string[] Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder, p) + ":" + (File.Exists(p) ? File.ReadAllText(p) : "dir")).Order().ToArray();

    [Theory]
    [InlineData("recordngs")]
    [InlineData("recordngs/")]
    [InlineData("recordngs/.")]
    public void AMistypedInputTouchesNothingAndSaysSo(string input)
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("recordings"), "a.wav", 1);
        File.WriteAllText(temp.File("out/precious.txt").Also(CreateParent), "keep me");
        var before = Snapshot(temp.Path);

        Assert.Equal(2, Segment(temp.File(input), temp.File("recordings"), "-o", temp.File("out")));
        Assert.Equal(2, Segment(temp.File(input), "-o", temp.File("out")));

        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void AnOutputOfTheCurrentFolderWithAMistypedInputDeletesNothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("mine.txt"), "keep me");
        var before = Snapshot(temp.Path);

        Assert.Equal(2, Segment(temp.File("missing.wav"), "-o", temp.File(".")));

        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Theory]
    [InlineData("rec/")]
    [InlineData("rec/.")]
    public void AFolderWrittenWithATrailingSlashOrDotIsTheFolder(string input)
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a.wav", 1);
        File.WriteAllText(temp.File("out/precious.txt").Also(CreateParent), "keep me");

        Assert.Equal(0, Segment(temp.File(input), "-o", temp.File("out")));

        Assert.True(File.Exists(temp.File("out/a.wav/manifest.json")));
        Assert.Equal("keep me", File.ReadAllText(temp.File("out/precious.txt")));
    }

    [Theory]
    [InlineData("rec", "out")]
    [InlineData("rec", "rec/results")]
    [InlineData("rec/a.wav", ".")]
    public void AnOutputThatIsContainsOrLiesInsideAnInputIsRefused(string input, string output)
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a.wav", 1);
        Directory.CreateSymbolicLink(temp.File("out"), "rec");
        var before = Snapshot(temp.Path);

        Assert.Equal(2, Segment(temp.File(input), "-o", temp.File(output)));

        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void NestedInputsKeepEachOthersResults()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("a"), "x.wav", 1);
        TestAudio.Write(temp.File("a/b"), "y.wav", 1, seed: 2);
        TestAudio.Write(temp.File("a/z.wav"), "inner.wav", 1, seed: 3);

        Assert.Equal(0, Segment(temp.File("a"), temp.File("a/b"), temp.File("a/b/y.wav"), temp.File("a/x.wav"), "-o", temp.File("out")));
        Assert.Equal(0, Segment(temp.File("a/b"), temp.File("a"), "-o", temp.File("out")));

        foreach (var name in new[] { "x.wav", "b/y.wav", "z.wav/inner.wav", "y.wav" })
        {
            Assert.True(File.Exists(temp.File($"out/{name}/manifest.json")), name);
        }

        Assert.False(Directory.Exists(temp.File("out/x.wav~2")));
    }

    [Fact]
    public void AFileNameTooLongForAResultFolderGetsAShortenedFolderAndKeepsItsName()
    {
        using var temp = new TempDirectory();
        var name = new string('n', 245) + ".wav";
        TestAudio.Write(temp.File("rec"), name, 1);
        TestAudio.Write(temp.File("rec"), "after.wav", 1);

        Assert.Equal(0, Segment(temp.File("rec"), "-o", temp.File("out")));

        var folder = new ResultFolders(temp.File("out")).FolderFor(name);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ResultFiles.Manifest)));
        Assert.Equal(name, manifest.RootElement.GetProperty("source").GetProperty("name").GetString());
        Assert.True(File.Exists(temp.File("out/after.wav/manifest.json")));
    }

    [Fact]
    public void ASymbolicLinkLoopDoesNotHangTheRun()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec/sub"), "a.wav", 1);
        Directory.CreateSymbolicLink(temp.File("rec/sub/loop"), "..");

        Assert.Equal(0, Segment(temp.File("rec"), "-o", temp.File("out")));

        Assert.Equal(["sub"], Directory.GetDirectories(temp.File("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void ABrokenRf64AmongGoodFilesCostsOnlyItself()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a-before.wav", 1);
        File.WriteAllBytes(temp.File("rec/b-broken.wav"), new WavBytes { Magic = "RF64" }.Chunk("ds64", new byte[20]).Fmt(1, 1, 44_100, 16).Data(new byte[100], declaredSize: 0xFFFFFFFF).ToArray());
        TestAudio.Write(temp.File("rec"), "c-after.wav", 1);

        Assert.Equal(1, Segment(temp.File("rec"), "-o", temp.File("out")));

        Assert.True(File.Exists(temp.File("out/a-before.wav/manifest.json")));
        Assert.True(File.Exists(temp.File("out/c-after.wav/manifest.json")));
        Assert.Contains("ds64 chunk is 20 bytes", File.ReadAllText(temp.File("out/b-broken.wav/error.json")));
    }

    [Fact]
    public void AResultFolderHoldingSomeoneElsesFilesIsAFailureThatTouchesNothing()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a.wav", 1);
        File.WriteAllText(temp.File("out/a.wav/notes.txt").Also(CreateParent), "mine");

        Assert.Equal(1, Segment(temp.File("rec"), "-o", temp.File("out")));
        Assert.Equal(["notes.txt"], Directory.GetFiles(temp.File("out/a.wav")).Select(Path.GetFileName));

        Assert.Equal(0, Segment(temp.File("rec"), "-o", temp.File("out"), "--overwrite"));
        Assert.True(File.Exists(temp.File("out/a.wav/manifest.json")));
        Assert.Equal("mine", File.ReadAllText(temp.File("out/a.wav/notes.txt")));
    }

    [Fact]
    public void EveryHostileInputEndsInAResultOrAnErrorRecordAndGoodFilesGetTheirResults()
    {
        using var temp = new TempDirectory();
        var corpus = new HostileCorpus(temp.File("corpus/in"));

        Assert.Equal(1, Segment(temp.File("corpus/in"), "-o", temp.File("out")));

        Assert.True(corpus.All.Count >= 80, $"{corpus.All.Count} inputs");
        var results = new ResultFolders(temp.File("out"));
        var outcomes = corpus.All.ToDictionary(name => name, name => Outcome(results.FolderFor(name)));
        Assert.All(corpus.All, name => Assert.True(outcomes[name] is "result" or "error", $"{name}: {outcomes[name]}"));
        Assert.All(corpus.Good, name => Assert.True(outcomes[name] == "result", $"{name}: {outcomes[name]}"));
        var (link, target) = corpus.OneFileTwoNames;
        Assert.Equal(["nothing", "result"], new[] { Outcome(results.FolderFor(link)), Outcome(results.FolderFor(target)) }.Order());
        Assert.Empty(Directory.GetDirectories(temp.File("out"), ".musicmask-staging-*"));
    }

    private static string Outcome(string folder)
    {
        if (File.Exists(Path.Combine(folder, ResultFiles.Manifest)))
        {
            return ResultFiles.IsManifest(File.ReadAllBytes(Path.Combine(folder, ResultFiles.Manifest))) ? "result" : "unreadable manifest";
        }

        var error = Path.Combine(folder, ResultFiles.Error);
        return File.Exists(error) && ResultFiles.IsErrorRecord(File.ReadAllBytes(error)) ? "error" : "nothing";
    }

    [Fact]
    public void AudioAddsMusicAndRemainderToEachResultAndOnlyThen()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("in"), "a.wav", 2);
        TestAudio.Write(temp.File("in"), "b.wav", 1, rate: 48_000, seed: 2);

        Assert.Equal(0, Segment(temp.File("in"), "-o", temp.File("out"), "--audio"));
        Assert.Equal(0, Segment(temp.File("in/a.wav"), "-o", temp.File("plain")));

        foreach (var name in new[] { "a.wav", "b.wav" })
        {
            Assert.True(File.Exists(temp.File($"out/{name}/{ResultFiles.Music}")), name);
            Assert.True(File.Exists(temp.File($"out/{name}/{ResultFiles.Remainder}")), name);
            Assert.True(File.Exists(temp.File($"out/{name}/{ResultFiles.GatedProbability}")), name);
        }

        Assert.False(File.Exists(temp.File($"plain/a.wav/{ResultFiles.Music}")));
        Assert.Equal(58 + 4L * 2 * 44_100, new FileInfo(temp.File($"out/a.wav/{ResultFiles.Music}")).Length);
    }

    private static void CreateParent(string path) => Directory.CreateDirectory(Path.GetDirectoryName(path)!);
}

internal static class PathExtensions
{
    public static string Also(this string path, Action<string> action)
    {
        action(path);
        return path;
    }
}
