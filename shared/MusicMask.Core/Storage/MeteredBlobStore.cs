using System.Runtime.CompilerServices;

namespace MusicMask.Storage;

/// <summary>An <see cref="IBlobStore"/> that records every call in a <see cref="StorageMeter"/> (one call = one transaction, lists per page aside).</summary>
public sealed class MeteredBlobStore(IBlobStore inner, StorageMeter meter) : IBlobStore
{
    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await inner.ReadAsync(name, cancellationToken).ConfigureAwait(false);
        meter.Record(StorageMeter.CategoryOf(name), "read", bytesRead: blob?.Content.Length ?? 0);
        return blob;
    }

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(name), "write", bytesWritten: content.Length);
        return inner.WriteAsync(name, content, cancellationToken);
    }

    public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(name), "write", bytesWritten: content.Length);
        return inner.TryCreateAsync(name, content, cancellationToken);
    }

    public Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(name), "write", bytesWritten: content.Length);
        return inner.TryReplaceAsync(name, content, etag, cancellationToken);
    }

    public Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(name), "properties");
        return inner.GetInfoAsync(name, cancellationToken);
    }

    public async Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var info = await inner.DownloadToFileAsync(name, path, cancellationToken).ConfigureAwait(false);
        meter.Record(StorageMeter.CategoryOf(name), "read", bytesRead: info.Bytes);
        return info;
    }

    public async Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var info = await inner.UploadFileAsync(name, path, cancellationToken).ConfigureAwait(false);
        meter.Record(StorageMeter.CategoryOf(name), "write", bytesWritten: info.Bytes);
        return info;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(prefix), "list");
        await foreach (var blob in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return blob;
        }
    }

    public IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(prefix), "list");
        return inner.ListFoldersAsync(prefix, cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        meter.Record(StorageMeter.CategoryOf(name), "delete");
        return inner.DeleteAsync(name, cancellationToken);
    }
}
