using MusicMask.Audio;

namespace MusicMask.Cli.Commands;

/// <summary>Expands the command line's files and folders into (file, output name) pairs, names unique.</summary>
internal static class InputFiles
{
    public static IReadOnlyList<(string Path, string Name)> Expand(IEnumerable<string> inputs)
    {
        var result = new List<(string, string)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in AudioFiles.In(input))
                {
                    result.Add((file, Unique(Path.GetRelativePath(input, file), used)));
                }
            }
            else
            {
                result.Add((input, Unique(Path.GetFileName(input), used)));
            }
        }

        return result;
    }

    private static string Unique(string relative, HashSet<string> used)
    {
        var name = relative.Replace(Path.DirectorySeparatorChar, '/');
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name}~{n}";
        }

        return candidate;
    }
}
