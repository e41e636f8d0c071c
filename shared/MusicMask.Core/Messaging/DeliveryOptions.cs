namespace MusicMask.Messaging;

/// <summary>The retry and poison rules every transport carries out (<see cref="DeliveryPolicy"/>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>Failed deliveries (faults, crashes, lost locks) before a message is dead-lettered.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>
    /// How long "retry later" answers may add up to before a message is dead-lettered, so a job that never becomes
    /// ready cannot loop forever. Time, not a count: an aggregation check behind an archive's backlog may come back
    /// many times. A week, as long as a message lives.
    /// </summary>
    public TimeSpan MaxWaitTime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Delay before the first retry after a failure; it doubles with each further failure.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay before a retry, after a failure or asked for by a handler.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);
}
