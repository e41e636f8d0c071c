using MusicMask.Jobs;

namespace MusicMask.Pipeline.Tests.Jobs;

public sealed class AggregatorOptionsTests
{
    private readonly AggregatorOptions _options = new();

    [Theory]
    [InlineData(6000, 0, 60)]
    [InlineData(1000, 0, 10)]
    [InlineData(1000, 200, 2.5)]
    [InlineData(10, 0, 0.25)]
    [InlineData(100_000, 0.01, 60)]
    public void ChecksThickenAsTheJobNearsItsEndAndStayWithinTheirBounds(int remaining, double tilesPerSecond, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, _options.NextCheck(remaining, tilesPerSecond).TotalSeconds, 6);
    }
}
