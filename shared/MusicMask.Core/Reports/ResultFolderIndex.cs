using MusicMask.Outputs;

namespace MusicMask.Reports;

/// <summary>Gathers listed file names into result folders: which hold a manifest, which an error record.</summary>
internal sealed class ResultFolderIndex
{
    private readonly Dictionary<string, ResultFolderEntry> _folders = new(StringComparer.Ordinal);

    public IEnumerable<ResultFolderEntry> Entries => _folders.Values;

    /// <summary>Counts <paramref name="file"/> of <paramref name="folder"/> when it is a manifest or an error record; ignores any other file.</summary>
    public void Add(string folder, string file)
    {
        if (file is not (ResultFiles.Manifest or ResultFiles.Error))
        {
            return;
        }

        var entry = _folders.GetValueOrDefault(folder) ?? new ResultFolderEntry(folder, false, false);
        _folders[folder] = file == ResultFiles.Manifest ? entry with { HasManifest = true } : entry with { HasError = true };
    }
}
