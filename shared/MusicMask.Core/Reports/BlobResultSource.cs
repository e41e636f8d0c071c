using System.Runtime.CompilerServices;
using MusicMask.Outputs;
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
        var folders = new Dictionary<string, (bool Manifest, bool Error)>(StringComparer.Ordinal);
        await foreach (var blob in blobs.ListAsync(root, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.LastIndexOf('/');
            var file = blob.Name[(slash + 1)..];
            if (blob.Problem is not null || slash < root.Length || file is not (ResultFiles.Manifest or ResultFiles.Error))
            {
                continue;
            }

            var folder = blob.Name[root.Length..slash];
            var held = folders.GetValueOrDefault(folder);
            folders[folder] = file == ResultFiles.Manifest ? held with { Manifest = true } : held with { Error = true };
        }

        foreach (var (folder, held) in folders)
        {
            yield return new ResultFolderEntry(folder, held.Manifest, held.Error);
        }
    }

    public async Task<byte[]?> ReadAsync(string folder, string file, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.ReadAsync($"{BlobNames.ResultsContainer}/{Prefix}{folder}/{file}", cancellationToken).ConfigureAwait(false);
        return blob?.Content;
    }
}
