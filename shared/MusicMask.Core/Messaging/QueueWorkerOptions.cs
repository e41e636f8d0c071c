namespace MusicMask.Messaging;

/// <summary>How a queue-driven host (the local serve/worker processes) polls; the retry and poison rules are <see cref="DeliveryOptions"/>.</summary>
public sealed class QueueWorkerOptions
{
    /// <summary>How long a received message stays hidden; a crashed worker's message reappears after it.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages handled at once by one worker.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Wait after finding the queue empty, or after a receive failed.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(250);
}
