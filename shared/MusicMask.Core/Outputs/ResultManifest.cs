namespace MusicMask.Outputs;

/// <summary>What results/{name}/manifest.json says about a run.</summary>
public sealed record ResultManifest
{
    public const int SchemaVersion = 1;

    public int Schema { get; init; } = SchemaVersion;

    public required SourceInfo Source { get; init; }

    public required double DurationSeconds { get; init; }

    public required long Frames { get; init; }

    public required int CellColumns { get; init; }

    public required ModelInfo Model { get; init; }

    public required IReadOnlyDictionary<string, double> Parameters { get; init; }

    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required int MusicSegments { get; init; }

    public required double MusicSeconds { get; init; }

    /// <summary>Set when decoding stopped before the length the container declared: the results cover only what decoded.</summary>
    public Audio.Truncation? Truncation { get; init; }
}

public sealed record SourceInfo(string Name, string? Container, string? ETag, long Bytes, string Format, int SampleRate, int Channels);

public sealed record ModelInfo(string Name, string Version, string Sha256);
