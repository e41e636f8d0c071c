using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class FileSourcesTests
{
    [Fact]
    public void SubfoldersNameTheSourceBelowTheCommonFolder()
    {
        var sources = FileSources.Of(["/data/music/jazz/a.wav", "/data/music/jazz/live/b.wav", "/data/music/rock/c.wav"]);

        Assert.Equal(["jazz", "jazz", "rock"], sources);
    }

    [Fact]
    public void FilesSideBySideAreGroupedByTheNameBeforeADoubleUnderscore()
    {
        var sources = FileSources.Of(["/d/test/music/warzone__t1.wav", "/d/test/music/warzone__t2.wav", "/d/test/music/solo.wav"]);

        Assert.Equal(["warzone", "warzone", "solo"], sources);
    }

    [Fact]
    public void FolderNamesThatShareAPrefixAreNotNested()
    {
        var sources = FileSources.Of(["/m/ab/x.wav", "/m/abc/y.wav"]);

        Assert.Equal(["ab", "abc"], sources);
    }
}
