using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

public class BlobNamesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("../secret.wav")]
    [InlineData("a/../../b.wav")]
    [InlineData("a/./b.wav")]
    [InlineData("/abs.wav")]
    [InlineData("a//b.wav")]
    [InlineData("a/")]
    [InlineData("a\\b.wav")]
    [InlineData("tab\tname.wav")]
    public void UnsafeNamesAreRefused(string name)
    {
        Assert.False(BlobNames.IsSafe(name));
        Assert.Throws<ArgumentException>(() => BlobNames.Result(name, "manifest.json"));
    }

    [Fact]
    public void NamesAreKeptVerbatimSoSimilarNamesNeverCollide()
    {
        Assert.Equal("results/a/b.wav/manifest.json", BlobNames.Result("a/b.wav", "manifest.json"));
        Assert.NotEqual(BlobNames.ResultPrefix("a/b.wav"), BlobNames.ResultPrefix("a_b.wav"));
        Assert.Equal("audio/Ünïcode name (1).wav", BlobNames.Audio("Ünïcode name (1).wav"));
    }

    [Fact]
    public void ListingPrefixesCheckTheirContainerAndKeepAPartialPath()
    {
        Assert.Equal(("results", "a/b.w"), BlobNames.SplitPrefix("results/a/b.w"));
        Assert.Equal(("work", ""), BlobNames.SplitPrefix("work"));
        Assert.Throws<ArgumentException>(() => BlobNames.SplitPrefix("../"));
        Assert.Throws<ArgumentException>(() => BlobNames.SplitPrefix("/work"));
    }
}
