using System.Text.Json;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Segmentation;

namespace MusicMask.Jobs;

/// <summary>work/{job}/job.json: what the job is and how far it got. Written by ingest, finished by the aggregator.</summary>
public sealed record JobManifest
{
    public const int SchemaVersion = 1;

    public int Schema { get; init; } = SchemaVersion;

    public required string JobId { get; init; }

    public required string Container { get; init; }

    public required string Name { get; init; }

    public required string ETag { get; init; }

    public required long Bytes { get; init; }

    public required DateTimeOffset Created { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Ingesting;

    public string? Format { get; init; }

    public int SampleRate { get; init; }

    public int Channels { get; init; }

    public long InputSamples { get; init; }

    public long RealFrames { get; init; }

    public int WindowsPerTile { get; init; } = WindowGrid.DefaultWindowsPerTile;

    public int Tiles { get; init; }

    public IReadOnlyDictionary<string, double>? IngestSeconds { get; init; }

    public Audio.Truncation? Truncation { get; init; }

    public string? Error { get; init; }

    public WindowGrid Grid() => new(RealFrames, WindowsPerTile);

    public TilingSummary Tiling() => new(Grid(), InputSamples, SampleRate, Channels, Format ?? "unknown", Truncation);

    public SourceInfo Source() => new(Name, Container, ETag, Bytes, Format ?? "unknown", SampleRate, Channels);

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions.Indented);

    public static JobManifest Deserialize(byte[] content) =>
        JsonSerializer.Deserialize<JobManifest>(content, JsonOptions.Indented) ?? throw new InvalidDataException("job.json is null");
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    Ingesting,
    Tiled,

    /// <summary>Every tile is scored and a stitch holds the job: only that stitch, or its own failure, ends it.</summary>
    Stitching,
    Complete,
    Failed,
}
