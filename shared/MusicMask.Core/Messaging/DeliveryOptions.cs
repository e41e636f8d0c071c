namespace MusicMask.Messaging;

/// <summary>The retry and poison rules every transport carries out (<see cref="DeliveryPolicy"/>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>Failed deliveries (faults, crashes, lost locks) before a message is dead-lettered.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>
    /// "Retry later" answers before a message is dead-lettered, so a job that never becomes ready cannot loop
    /// forever. Generous: an aggregation check waits up to a minute at a time behind an archive's backlog, and
    /// 10,000 minutes is about the week a message lives.
    /// </summary>
    public int MaxWaits { get; init; } = 10_000;

    /// <summary>Delay before the first retry after a failure; it doubles with each further failure.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay before a retry, after a failure or asked for by a handler.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);
}
