namespace MusicMask.Storage;

/// <summary>
/// The few blob operations the pipeline needs, over "container/path" names. Implementations are thread-safe.
/// Conditional writes are what make every stage idempotent: <see cref="TryCreateAsync"/> succeeds for exactly one
/// writer, and <see cref="TryReplaceAsync"/> only when nobody wrote since the reader's ETag.
/// </summary>
public interface IBlobStore
{
    /// <summary>Content and ETag, or null when the blob does not exist.</summary>
    Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default);

    Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Writes only if no blob of that name exists; returns false when one does.</summary>
    Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Overwrites only if the blob still has <paramref name="etag"/>; returns false when it changed.</summary>
    Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default);

    Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Copies the blob to a local file without holding it in memory.</summary>
    Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default);

    Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// The blobs whose names start with <paramref name="prefix"/>, in name order. A blob whose name the service
    /// fails to return is listed with its <see cref="BlobInfo.Problem"/> instead of ending the listing.
    /// </summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// The virtual folders directly under <paramref name="prefix"/> ("container/" or "container/path/"), as
    /// "container/path/folder/": one page per 5,000 folders, however many blobs they hold.
    /// </summary>
    IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default);

    Task DeleteAsync(string name, CancellationToken cancellationToken = default);
}

public sealed record StoredBlob(byte[] Content, string ETag);

/// <summary>A listed blob; <see cref="Problem"/> is set for a name the service could list only as far as saying it is there.</summary>
public sealed record BlobInfo(string Name, string ETag, long Bytes, DateTimeOffset LastModified, string? Problem = null);
