namespace MusicMask.Pipeline;

public sealed class SegmenterOptions
{
    /// <summary>Concurrent scoring runs (one ONNX thread each); defaults to every core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
