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
