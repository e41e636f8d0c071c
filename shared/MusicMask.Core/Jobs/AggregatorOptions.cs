namespace MusicMask.Jobs;

public sealed class AggregatorOptions
{
    /// <summary>
    /// How long the aggregator's claims (a job's stitch, its results folder while publishing) protect it once it stops
    /// renewing them: it renews them every third of this, so a claim older than this belongs to a process that died,
    /// and the next delivery takes it over.
    /// </summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether results also hold music.wav and remainder.wav, as `segment --audio` writes them: the aggregator puts
    /// the signal back together from the job's tiles and resynthesises it under the gated map after stitching.
    /// </summary>
    public bool Audio { get; init; }

    /// <summary>Threads that resynthesise a job's audio; a process that also scores should leave its scorers room.</summary>
    public int AudioThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>The soonest a job is checked again while tiles are outstanding.</summary>
    public TimeSpan MinCheckInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The latest a job is checked again; a backlog of other work only makes it wait at this pace.</summary>
    public TimeSpan MaxCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the next check per outstanding tile (sooner if the rate seen says so).</summary>
    public TimeSpan CheckTimePerTile { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// When to check a job again. With a rate (tiles scored per second from the first score until now, so a stall
    /// lowers it): half the time the <paramref name="remaining"/> tiles should take at that rate, and at most
    /// <see cref="CheckTimePerTile"/> per tile. Without one (nothing scored yet, say behind a backlog):
    /// <see cref="CheckTimePerTile"/> per tile, or a quarter of the job's <paramref name="age"/> if longer, so a job
    /// left waiting is checked ever more rarely. Checks thicken as the job nears its end.
    /// </summary>
    public TimeSpan NextCheck(int remaining, double tilesPerSecond, TimeSpan age)
    {
        var perTile = remaining * CheckTimePerTile.TotalSeconds;
        var seconds = tilesPerSecond > 0 ? Math.Min(perTile, remaining / tilesPerSecond / 2) : Math.Max(perTile, age.TotalSeconds / 4);

        return TimeSpan.FromSeconds(Math.Clamp(seconds, MinCheckInterval.TotalSeconds, MaxCheckInterval.TotalSeconds));
    }
}
