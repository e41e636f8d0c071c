using System.Runtime.CompilerServices;
using MusicMask.Storage;

namespace MusicMask.Reports;

/// <summary>
/// Result folders in the results container under <paramref name="prefix"/> ("" or "archive/"), as the pipeline
/// writes them: one listing of the prefix, then only the files a report needs.
/// </summary>
public sealed class BlobResultSource(IBlobStore blobs, string prefix = "") : IResultSource
{
    public string Prefix { get; } = ReportPublisher.CheckedPrefix(prefix);

    public string Description => $"{BlobNames.ResultsContainer}/{Prefix}";

    public async IAsyncEnumerable<ResultFolderEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = $"{BlobNames.ResultsContainer}/{Prefix}";
        var index = new ResultFolderIndex();
        await foreach (var blob in blobs.ListAsync(root, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.LastIndexOf('/');
            if (blob.Problem is null && slash > root.Length)
            {
                index.Add(blob.Name[root.Length..slash], blob.Name[(slash + 1)..]);
            }
        }

        foreach (var entry in index.Entries)
        {
            yield return entry;
        }
    }

    public async Task<byte[]?> ReadAsync(string folder, string file, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.ReadAsync($"{BlobNames.ResultsContainer}/{Prefix}{folder}/{file}", cancellationToken).ConfigureAwait(false);
        return blob?.Content;
    }
}
