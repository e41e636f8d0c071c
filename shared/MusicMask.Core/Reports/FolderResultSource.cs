using System.Runtime.CompilerServices;

namespace MusicMask.Reports;

/// <summary>Result folders under a local output folder of `segment`, staging folders and symbolic links left out.</summary>
public sealed class FolderResultSource(string root) : IResultSource
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // The default skips hidden entries, which on Unix are dot names: a result may well be called ".wav".
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    public string Root { get; } = Path.GetFullPath(root);

    public string Description => Root;

    public async IAsyncEnumerable<ResultFolderEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = new ResultFolderIndex();
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", Walk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.GetRelativePath(Root, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '/');
            if (folder != "." && !folder.Split('/').Any(segment => segment.StartsWith(".musicmask-staging-", StringComparison.Ordinal)))
            {
                index.Add(folder, Path.GetFileName(path));
            }
        }

        foreach (var entry in index.Entries)
        {
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async Task<byte[]?> ReadAsync(string folder, string file, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(Path.Combine(Root, folder.Replace('/', Path.DirectorySeparatorChar), file), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
