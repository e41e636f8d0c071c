namespace MusicMask.Scoring;

/// <summary>How ONNX Runtime may use the machine.</summary>
public sealed class StripScorerOptions
{
    /// <summary>Threads one Run may use; 1 suits many concurrent runs (one per core), more suits a single caller.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
