namespace MusicMask.Embedded;

public sealed class SegmenterOptions
{
    /// <summary>Concurrent scoring runs (one ONNX thread each); defaults to every core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether empty cells (<see cref="Segmentation.EmptyCells"/>) are set to 0 in the map; off only to measure the gate.</summary>
    public bool GateEmptyCells { get; init; } = true;

    /// <summary>
    /// Whether results also hold music.wav and remainder.wav: the 44.1 kHz signal is spooled to a temporary file
    /// during ingest and resynthesised under the map once the file is stitched.
    /// </summary>
    public bool Audio { get; init; }
}
