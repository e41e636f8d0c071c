using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MusicMask.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob storage (or Azurite); containers are created on first use, and every blob
/// written gets the content type of its name (<see cref="BlobContentTypes"/>). With a <paramref name="listingProbe"/>
/// (Azurite), a name the service fails to list is found and listed with its problem.
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service, BlobServiceClient? listingProbe = null) : IBlobStore
{
    private const int PageSize = 5000;
    private static readonly BlobRequestConditions IfNone = new() { IfNoneMatch = ETag.All };
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();

    public Uri Uri => service.Uri;

    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoredBlob(result.Value.Content.ToArray(), result.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        var result = await blob.UploadAsync(BinaryData.FromBytes(content), UploadOptions(name), cancellationToken).ConfigureAwait(false);
        return result.Value.ETag.ToString();
    }

    public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        ConditionalUploadAsync(name, content, IfNone, cancellationToken);

    public Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default) =>
        ConditionalUploadAsync(name, content, new BlobRequestConditions { IfMatch = new ETag(etag) }, cancellationToken);

    public async Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobInfo(name, properties.Value.ETag.ToString(), properties.Value.ContentLength, properties.Value.LastModified);
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag };
            await blob.DownloadToAsync(path, new BlobDownloadToOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
            return new BlobInfo(name, properties.Value.ETag.ToString(), properties.Value.ContentLength, properties.Value.LastModified);
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"blob {name} does not exist", name, error);
        }
    }

    public async Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        var result = await blob.UploadAsync(path, UploadOptions(name), cancellationToken).ConfigureAwait(false);
        return new BlobInfo(name, result.Value.ETag.ToString(), new FileInfo(path).Length, result.Value.LastModified);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (containerName, path) = BlobNames.SplitPrefix(prefix);
        var container = await ContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        var probe = listingProbe is null ? null : new UnlistableNames(listingProbe.GetBlobContainerClient(containerName), path);
        string? marker = null;
        var pageSize = PageSize;
        while (true)
        {
            Page<BlobItem>? page = null;
            try
            {
                // Through the probe first where there is one: a name the service cannot list fails a page again on
                // every retry, so the retrying client would wait out its whole backoff for nothing.
                page = await UnlistableNames.PageAsync(probe?.Container ?? container, path, marker, pageSize, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (probe is not null && UnlistableNames.IsServerFailure(error))
            {
                // page stays null: narrow the failing page down to the name after the marker.
            }
            catch (Exception error) when (probe is not null && (error is RequestFailedException or HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested)))
            {
                page = await UnlistableNames.PageAsync(container, path, marker, pageSize, cancellationToken).ConfigureAwait(false);
            }

            if (page is null)
            {
                if (pageSize > 1)
                {
                    pageSize = Math.Max(1, pageSize / 16);
                    continue;
                }

                if (await probe!.FindAfterAsync(marker ?? "", cancellationToken).ConfigureAwait(false) is not var (start, next))
                {
                    page = await UnlistableNames.PageAsync(container, path, marker, pageSize, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    yield return new BlobInfo(
                        $"{containerName}/{start}{UnlistableNames.Unknown}",
                        "",
                        0,
                        default,
                        $"the storage service fails to list a blob whose name starts \"{BlobNames.Printable(start)}\" and goes on with a control character or another character it cannot return");
                    marker = next;
                    pageSize = PageSize;
                    continue;
                }
            }

            foreach (var item in page.Values)
            {
                yield return new BlobInfo($"{containerName}/{item.Name}", item.Properties.ETag?.ToString() ?? "", item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? default);
            }

            marker = page.ContinuationToken;
            pageSize = PageSize;
            if (string.IsNullOrEmpty(marker))
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (containerName, path) = BlobNames.SplitFolder(prefix);
        var container = await ContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        var options = new GetBlobsByHierarchyOptions { Prefix = path, Delimiter = "/" };
        await foreach (var item in container.GetBlobsByHierarchyAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix)
            {
                yield return $"{containerName}/{item.Prefix}";
            }
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ConditionalUploadAsync(string name, ReadOnlyMemory<byte> content, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), UploadOptions(name, conditions), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (error.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Without <paramref name="conditions"/> an upload replaces any blob of that name.</summary>
    private static BlobUploadOptions UploadOptions(string name, BlobRequestConditions? conditions = null) =>
        new() { HttpHeaders = new BlobHttpHeaders { ContentType = BlobContentTypes.For(name) }, Conditions = conditions };

    private async Task<BlobClient> BlobAsync(string name, CancellationToken cancellationToken)
    {
        var (containerName, path) = BlobNames.Split(name);
        var container = await ContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        return container.GetBlobClient(path);
    }

    private async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        var created = _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var container = service.GetBlobContainerClient(n);
            await container.CreateIfNotExistsAsync().ConfigureAwait(false);
            return container;
        }));
        try
        {
            return await created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            _containers.TryRemove(name, out _);
            throw;
        }
    }
}
