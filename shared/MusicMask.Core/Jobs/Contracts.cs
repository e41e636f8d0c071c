using MusicMask.Segmentation;

namespace MusicMask.Jobs;

/// <summary>A message between stages. Each carries its schema name and version, ids, ranges and blob names: never pixels.</summary>
public interface IStageMessage
{
    static abstract string CurrentSchema { get; }

    string Schema { get; }

    /// <summary>Null when the message is consistent, else why not.</summary>
    string? Problem();
}

/// <summary>"Ingest this audio blob": sent by the watcher of the audio container (Event Grid does this in Azure).</summary>
public sealed record IngestRequest(string Schema, string Container, string Name, string? ETag = null) : IStageMessage
{
    public const string Version1 = "musicmask.ingest-request.v1";

    public static string CurrentSchema => Version1;

    public static IngestRequest For(string container, string name, string? etag = null) => new(Version1, container, name, etag);

    public string? Problem() => Container.Length == 0 || Name.Length == 0 ? "container and name are required" : null;
}

/// <summary>"Score tile <see cref="Tile"/> of job <see cref="JobId"/>": window columns [FirstWindow, FirstWindow + Windows).</summary>
public sealed record ScoreTile(string Schema, string JobId, int Tile, string TileBlob, long FirstWindow, int Windows) : IStageMessage
{
    public const string Version1 = "musicmask.score-tile.v1";

    public const int MaxWindows = 4096;

    public static string CurrentSchema => Version1;

    public static ScoreTile For(string jobId, TileRange range, string tileBlob) => new(Version1, jobId, range.Index, tileBlob, range.FirstWindow, range.Windows);

    [System.Text.Json.Serialization.JsonIgnore]
    public TileRange Range => new(Tile, FirstWindow, Windows);

    public string? Problem() =>
        JobIds.Problem(JobId) ??
        (Tile < 0 ? $"tile index {Tile} is negative"
        : Windows is < 1 or > MaxWindows ? $"window count {Windows} is outside 1..{MaxWindows}"
        : FirstWindow < 0 ? $"first window {FirstWindow} is negative"
        : TileBlob != Storage.BlobNames.Tile(JobId, Tile) ? $"tile blob \"{TileBlob}\" is not this tile's"
        : null);
}

/// <summary>
/// "Ingest of job <see cref="JobId"/> is done and made <see cref="Tiles"/> tiles; aggregate it when they are
/// scored": the one aggregation message of a job, which comes back until its tiles' scores are all in.
/// </summary>
public sealed record IngestCompleted(string Schema, string JobId, int Tiles) : IStageMessage
{
    public const string Version1 = "musicmask.ingest-completed.v1";

    public const int MaxTiles = 1 << 22;

    public static string CurrentSchema => Version1;

    public static IngestCompleted For(string jobId, int tiles) => new(Version1, jobId, tiles);

    public string? Problem() =>
        JobIds.Problem(JobId) ?? (Tiles is < 1 or > MaxTiles ? $"tile count {Tiles} is outside 1..{MaxTiles}" : null);
}
