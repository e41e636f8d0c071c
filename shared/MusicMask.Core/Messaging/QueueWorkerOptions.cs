namespace MusicMask.Messaging;

public sealed class QueueWorkerOptions
{
    /// <summary>Deliveries before a failing message goes to the poison queue.</summary>
    public int MaxDeliveries { get; init; } = 5;

    /// <summary>How long a received message stays hidden; a crashed worker's message reappears after it.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages handled at once by one worker.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Wait after finding the queue empty.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First retry delay after a failure; doubles with each delivery.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}
