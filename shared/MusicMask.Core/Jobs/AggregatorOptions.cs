namespace MusicMask.Jobs;

public sealed class AggregatorOptions
{
    /// <summary>
    /// How long a stitch claim protects its owner. A claim older than this belongs to an aggregator that died,
    /// and the next delivery takes the stitch over. Must exceed the longest stitch (seconds even for 10 hours).
    /// </summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Conditional-write conflicts tolerated on one progress update before the message is retried later.</summary>
    public int MaxConflicts { get; init; } = 200;
}
