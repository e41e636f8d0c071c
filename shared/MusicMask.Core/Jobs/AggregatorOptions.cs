namespace MusicMask.Jobs;

public sealed class AggregatorOptions
{
    /// <summary>
    /// How long a stitch claim protects its owner. A claim older than this belongs to an aggregator that died,
    /// and the next delivery takes the stitch over. Must exceed the longest stitch (seconds even for 10 hours).
    /// </summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The soonest a job is checked again while tiles are outstanding.</summary>
    public TimeSpan MinCheckInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The latest a job is checked again; a backlog of other work only makes it wait at this pace.</summary>
    public TimeSpan MaxCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the next check per outstanding tile (sooner if the rate seen says so).</summary>
    public TimeSpan CheckTimePerTile { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// When to check a job again: <see cref="CheckTimePerTile"/> per outstanding tile, or half the time the
    /// <paramref name="remaining"/> tiles should take at the <paramref name="tilesPerSecond"/> seen so far if that is
    /// sooner; so checks thicken as the job nears its end and its last tile waits at most about the minimum.
    /// </summary>
    public TimeSpan NextCheck(int remaining, double tilesPerSecond)
    {
        var seconds = remaining * CheckTimePerTile.TotalSeconds;
        if (tilesPerSecond > 0)
        {
            seconds = Math.Min(seconds, remaining / tilesPerSecond / 2);
        }

        return TimeSpan.FromSeconds(Math.Clamp(seconds, MinCheckInterval.TotalSeconds, MaxCheckInterval.TotalSeconds));
    }
}
