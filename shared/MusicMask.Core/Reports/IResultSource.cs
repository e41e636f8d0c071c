namespace MusicMask.Reports;

/// <summary>
/// Where a report reads result folders from: a local output folder of `segment`, or the results container (or a
/// prefix of it) the pipeline writes. Folders are '/'-separated paths relative to the source's root.
/// </summary>
public interface IResultSource
{
    /// <summary>What the report says it covers; never holds a secret such as a connection string.</summary>
    string Description { get; }

    /// <summary>Every folder that holds a manifest.json or an error.json, in no particular order.</summary>
    IAsyncEnumerable<ResultFolderEntry> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The content of one file of a folder, or null when it is not there.</summary>
    Task<byte[]?> ReadAsync(string folder, string file, CancellationToken cancellationToken = default);
}

/// <summary>A result folder and which of the two files that say how its file ended it holds.</summary>
public sealed record ResultFolderEntry(string Folder, bool HasManifest, bool HasError);
