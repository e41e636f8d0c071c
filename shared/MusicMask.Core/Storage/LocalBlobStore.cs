using System.Runtime.CompilerServices;

namespace MusicMask.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on a local folder: "container/a/b.wav" is {root}/container/a/b.wav. Every write goes
/// through a temporary file and a rename, so a reader never sees half a blob. Conditional creates and replaces
/// are atomic within one process (the embedded CLI and tests); use Azure storage or Azurite to share a store
/// between processes.
/// </summary>
public sealed class LocalBlobStore(string root) : IBlobStore
{
    private readonly Lock _conditionalLock = new();

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            var etag = ETagOf(new FileInfo(path));
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new StoredBlob(content, etag);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        var temporary = WriteTemporary(path, content.Span);
        File.Move(temporary, path, overwrite: true);
        return Task.FromResult(ETagOf(new FileInfo(path)));
    }

    public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            return Task.FromResult(false);
        }

        var temporary = WriteTemporary(path, content.Span);
        // File.Move without overwrite is not exclusive on its own: in one CI run two of 16 concurrent creators both
        // won. The lock makes creation exact within the process, as the class promises.
        lock (_conditionalLock)
        {
            try
            {
                File.Move(temporary, path, overwrite: false);
                return Task.FromResult(true);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                return Task.FromResult(false);
            }
        }
    }

    public Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        var temporary = WriteTemporary(path, content.Span);
        lock (_conditionalLock)
        {
            var current = new FileInfo(path);
            if (!current.Exists || ETagOf(current) != etag)
            {
                File.Delete(temporary);
                return Task.FromResult(false);
            }

            File.Move(temporary, path, overwrite: true);
            return Task.FromResult(true);
        }
    }

    public Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(name));
        return Task.FromResult(file.Exists ? InfoOf(name, file) : null);
    }

    public async Task<BlobInfo> DownloadToFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(name));
        if (!file.Exists)
        {
            throw new FileNotFoundException($"blob {name} does not exist", name);
        }

        await using (var source = file.OpenRead())
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }

        return InfoOf(name, file);
    }

    public async Task<BlobInfo> UploadFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        var target = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        await using (var source = File.OpenRead(path))
        await using (var copy = File.Create(temporary))
        {
            await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, target, overwrite: true);
        return InfoOf(name, new FileInfo(target));
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var container = Path.Combine(Root, BlobNames.SplitPrefix(prefix).Container);
        if (!Directory.Exists(container))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(container, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(path => (Path: path, Name: Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(entry => entry.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal);
        foreach (var (path, name) in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(path);
            if (file.Exists)
            {
                yield return InfoOf(name, file);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (container, path) = BlobNames.SplitFolder(prefix);
        var folder = Path.Combine(Root, container, path.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return $"{prefix}{child}/";
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string name)
    {
        var (container, path) = BlobNames.Split(name);
        return Path.Combine(Root, BlobNames.Checked(container), path.Replace('/', Path.DirectorySeparatorChar));
    }

    private static string WriteTemporary(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = File.Create(temporary))
        {
            stream.Write(content);
        }

        return temporary;
    }

    private static BlobInfo InfoOf(string name, FileInfo file) => new(name, ETagOf(file), file.Length, file.LastWriteTimeUtc);

    private static string ETagOf(FileInfo file) => $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}-{file.CreationTimeUtc.Ticks:x}\"";
}
