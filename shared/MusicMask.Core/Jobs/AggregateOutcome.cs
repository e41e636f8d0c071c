namespace MusicMask.Jobs;

public enum AggregateOutcome
{
    /// <summary>Progress recorded; batches are still outstanding.</summary>
    Pending,

    /// <summary>This delivery stitched the job and published its results.</summary>
    Stitched,

    /// <summary>The job was already finished (complete or failed); nothing was written.</summary>
    AlreadyFinished,
}
