using MusicMask.Models;
using MusicMask.Training.Modeling;

namespace MusicMask.Training.Tests.Modeling;

public sealed class NetworkWidthTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(40)]
    public void MapCountsThatDoNotFillGroupsOf16AreRefused(int maps)
    {
        var error = Assert.Throws<ArgumentException>(() => new NetworkWidth(maps, 64));

        Assert.Equal($"feature maps come in groups of 16 (16, 32, 48, ...), not {maps}: libtorch's CPU convolution gave NaN for other counts", error.Message);
    }

    [Fact]
    public void TheContractAndWholeGroupsAreAccepted()
    {
        Assert.Equal((32, 64), (NetworkWidth.Contract.Maps, NetworkWidth.Contract.Hidden));
        Assert.Equal("48 maps, 40 dense units", new NetworkWidth(48, 40).ToString());
        Assert.Equal(NetworkWidth.Contract, NetworkWidth.Of(NetworkWeights.Random(seed: 1)));
    }
}
