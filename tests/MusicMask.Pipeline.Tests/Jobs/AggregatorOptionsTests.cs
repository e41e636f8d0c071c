using MusicMask.Jobs;

namespace MusicMask.Pipeline.Tests.Jobs;

public sealed class AggregatorOptionsTests
{
    private readonly AggregatorOptions _options = new();

    [Theory]
    [InlineData(6000, 0, 0, 60)]
    [InlineData(1000, 0, 0, 10)]
    [InlineData(1000, 200, 0, 2.5)]
    [InlineData(10, 0, 0, 0.25)]
    [InlineData(10, 0, 120, 30)]
    [InlineData(10, 0, 3600, 60)]
    [InlineData(100_000, 0.01, 0, 60)]
    public void ChecksThickenAsTheJobNearsItsEndThinWhileItWaitsAndStayWithinTheirBounds(int remaining, double tilesPerSecond, double ageSeconds, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, _options.NextCheck(remaining, tilesPerSecond, TimeSpan.FromSeconds(ageSeconds)).TotalSeconds, 6);
    }
}
