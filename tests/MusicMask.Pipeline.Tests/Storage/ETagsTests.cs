using MusicMask.Jobs;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

public sealed class ETagsTests
{
    [Fact]
    public void AnETagIsTheSameQuotedOrNotAndNothingIsTheSameAsAMissingOne()
    {
        Assert.True(ETags.Same("\"0x8DC1\"", "0x8DC1"));
        Assert.False(ETags.Same("\"0x8DC1\"", "\"0x8DC2\""));
        Assert.False(ETags.Same("0x8DC1", null));
        Assert.Equal(JobIds.For("audio", "a.wav", "\"0x8DC1\""), JobIds.For("audio", "a.wav", "0x8DC1"));
    }
}
