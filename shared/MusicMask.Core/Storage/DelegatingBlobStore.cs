namespace MusicMask.Storage;

/// <summary>A blob store that passes everything to <paramref name="inner"/>; wrappers (tests, benchmarks) override what they change.</summary>
public abstract class DelegatingBlobStore(IBlobStore inner) : IBlobStore
{
    public virtual Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default) => inner.ReadAsync(name, cancellationToken);

    public virtual Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(name, content, cancellationToken);

    public virtual Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.TryCreateAsync(name, content, cancellationToken);

    public virtual Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default) =>
        inner.TryReplaceAsync(name, content, etag, cancellationToken);

    public virtual Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default) => inner.GetInfoAsync(name, cancellationToken);

    public virtual Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default) => inner.DownloadToFileAsync(name, path, cancellationToken);

    public virtual Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default) => inner.UploadFileAsync(name, path, cancellationToken);

    public virtual IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public virtual IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListFoldersAsync(prefix, cancellationToken);

    public virtual Task DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);
}
