using MusicMask.Audio;

namespace MusicMask.Cli.Commands;

/// <summary>Expands the command line's files and folders into audio inputs with unique result names.</summary>
internal static class InputFiles
{
    /// <summary>Each input with a result name no other input has: its relative name, or that name with ~2, ~3, ... in order of appearance.</summary>
    public static IReadOnlyList<(AudioInput Input, string Name)> Expand(IEnumerable<string> inputs)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        return AudioFiles.Walk(inputs).Select(input => (input, Unique(input.Name, used))).ToArray();
    }

    /// <summary>One line naming the inputs that do not exist, or null when all do.</summary>
    public static string? MissingInputs(IEnumerable<string> inputs) =>
        AudioFiles.Missing(inputs) is { Count: > 0 } missing
            ? $"no such file or folder: {string.Join(", ", missing)} (nothing was processed)"
            : null;

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name}~{n}";
        }

        return candidate;
    }
}
