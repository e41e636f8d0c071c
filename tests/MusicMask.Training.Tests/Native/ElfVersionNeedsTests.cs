using MusicMask.Training.Native;

namespace MusicMask.Training.Tests.Native;

public class ElfVersionNeedsTests
{
    [Fact]
    public void MarksTheGlibcxxNeedOfTheShippedWrapperWeak()
    {
        var original = ShippedWrapper();
        var copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-{Environment.ProcessId}.so");
        File.Copy(original, copy, overwrite: true);
        try
        {
            Assert.False(ElfVersionNeeds.IsWeak(copy, "GLIBCXX_3.4.32"));
            Assert.True(ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_3.4.32"));
            Assert.True(ElfVersionNeeds.IsWeak(copy, "GLIBCXX_3.4.32"));
            Assert.False(ElfVersionNeeds.IsWeak(copy, "GLIBCXX_3.4.9"));
            Assert.Null(ElfVersionNeeds.IsWeak(copy, "NO_SUCH_VERSION_1.0"));
            var patched = File.ReadAllBytes(copy);
            Assert.False(ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_3.4.32"));
            Assert.Equal(patched, File.ReadAllBytes(copy));
            Assert.Equal(new FileInfo(original).Length, patched.Length);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task CallsAtTheSameTimeOnOneFileAllSucceedAndLeaveItWeak()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-concurrent-{Environment.ProcessId}.so");
        File.Copy(ShippedWrapper(), copy, overwrite: true);
        try
        {
            using var start = new Barrier(8);
            var calls = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_3.4.32");
            }, TaskCreationOptions.LongRunning)).ToArray();

            var changed = await Task.WhenAll(calls);
            Assert.Contains(true, changed);
            Assert.True(ElfVersionNeeds.IsWeak(copy, "GLIBCXX_3.4.32"));
            Assert.Equal(new FileInfo(ShippedWrapper()).Length, new FileInfo(copy).Length);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(copy) + ".patching*"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static string ShippedWrapper()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void RefusesAFileThatIsNotElf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-elf-{Environment.ProcessId}.so");
        File.WriteAllText(path, "hello");
        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(path, "X"));
        File.Delete(path);
    }
}
