using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A blob store that passes everything to <paramref name="inner"/>; test stores override what they change.</summary>
public abstract class DelegatingBlobStore(IBlobStore inner) : IBlobStore
{
    public virtual Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default) => inner.ReadAsync(name, cancellationToken);

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(name, content, cancellationToken);

    public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.TryCreateAsync(name, content, cancellationToken);

    public Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default) =>
        inner.TryReplaceAsync(name, content, etag, cancellationToken);

    public Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default) => inner.GetInfoAsync(name, cancellationToken);

    public Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default) => inner.DownloadToFileAsync(name, path, cancellationToken);

    public Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default) => inner.UploadFileAsync(name, path, cancellationToken);

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListFoldersAsync(prefix, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);
}
