namespace MusicMask.Evaluation;

/// <summary>
/// Names the source of each file (music or noise), so `eval` can tell which sources the model separates and which
/// it does not: the first folder below the files' common folder, or, for files side by side, the part of the name
/// before "__" (how scripts/prepare-data.sh names a package's files), else the file's own name.
/// </summary>
public static class FileSources
{
    public static string[] Of(IReadOnlyList<string> files)
    {
        var folders = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f)) ?? "").ToArray();
        var common = CommonFolder(folders);
        return files.Select((file, i) =>
        {
            var relative = Path.GetRelativePath(common, folders[i]);
            if (relative != ".")
            {
                return relative.Split(Path.DirectorySeparatorChar)[0];
            }

            var name = Path.GetFileNameWithoutExtension(file);
            var cut = name.IndexOf("__", StringComparison.Ordinal);
            return cut > 0 ? name[..cut] : name;
        }).ToArray();
    }

    /// <summary>The distinct sources in ordinal order, and each file's index among them.</summary>
    public static (string[] Names, int[] SourceOfFile) Indexed(IReadOnlyList<string> files)
    {
        var sourceOfFile = Of(files);
        var names = sourceOfFile.Distinct().Order(StringComparer.Ordinal).ToArray();
        return (names, sourceOfFile.Select(name => Array.BinarySearch(names, name, StringComparer.Ordinal)).ToArray());
    }

    private static string CommonFolder(string[] folders)
    {
        var common = folders.Length == 0 ? "" : folders[0];
        while (!folders.All(f => f == common || f.StartsWith(common.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            common = Path.GetDirectoryName(common) ?? "";
        }

        return common;
    }
}
