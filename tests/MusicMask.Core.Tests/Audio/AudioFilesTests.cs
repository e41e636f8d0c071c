using MusicMask.Audio;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Audio;

public class AudioFilesTests
{
    [Fact]
    public void ListsAudioOfEveryFormatInSubfoldersInOrderAndNothingElse()
    {
        using var temp = new TempDirectory();
        foreach (var name in new[] { "b.FLAC", "a.wav", "notes.txt", "sub/c.mp3", "sub/cover.jpg", "z.opus" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.File(name))!);
            File.WriteAllText(temp.File(name), "x");
        }

        var files = AudioFiles.In(temp.File("."));

        Assert.Equal(["a.wav", "b.FLAC", "sub/c.mp3", "z.opus"], files.Select(f => Path.GetRelativePath(temp.File("."), f)));
    }
}

public class AudioFilesTraversalTests
{
    [Fact]
    public void ASymbolicLinkLoopIsWalkedOnce()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.wav"), "x");
        Directory.CreateDirectory(temp.File("sub"));
        File.WriteAllText(temp.File("sub/b.wav"), "x");
        Directory.CreateSymbolicLink(temp.File("sub/loop"), "..");

        var inputs = AudioFiles.Walk([temp.Path]);

        Assert.Equal(["a.wav", "sub/b.wav"], inputs.Select(i => i.Name));
        Assert.All(inputs, i => Assert.Null(i.Problem));
    }

    [Fact]
    public void AFileReachedTwiceIsTakenOnceUnderTheFirstName()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("a/b"));
        File.WriteAllText(temp.File("a/b/c.wav"), "x");
        File.CreateSymbolicLink(temp.File("a/link.wav"), "b/c.wav");

        var inputs = AudioFiles.Walk([temp.File("a"), temp.File("a/b"), temp.File("a/b/c.wav")]);

        Assert.Equal(["b/c.wav"], inputs.Select(i => i.Name));
    }

    [Fact]
    public void ADanglingLinkIsAnInputWithItsProblem()
    {
        using var temp = new TempDirectory();
        File.CreateSymbolicLink(temp.File("gone.wav"), "nowhere.wav");
        File.CreateSymbolicLink(temp.File("self.wav"), "self.wav");
        File.CreateSymbolicLink(temp.File("ignored.txt"), "nowhere.txt");

        var inputs = AudioFiles.Walk([temp.Path]);

        Assert.Equal(["gone.wav", "self.wav"], inputs.Select(i => i.Name));
        Assert.All(inputs, i => Assert.Contains("does not resolve to a file", i.Problem));
    }

    [Fact]
    public void AFileNamedOnTheCommandLineIsTakenWhateverItsExtension()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("take"), "x");
        Assert.Equal(["take"], AudioFiles.Walk([temp.File("take")]).Select(i => i.Name));
    }

    [Theory]
    [InlineData("recordngs")]
    [InlineData("recordngs/")]
    [InlineData("recordngs/.")]
    public void AnInputThatNamesNothingIsMissing(string input)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("recordings"));
        File.CreateSymbolicLink(temp.File("dangling.wav"), "nowhere");

        Assert.Equal([temp.File(input)], AudioFiles.Missing([temp.File(input), temp.File("recordings"), temp.File("dangling.wav")]));
    }
}
