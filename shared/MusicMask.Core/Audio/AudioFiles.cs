namespace MusicMask.Audio;

/// <summary>
/// Which files are audio to process: those whose extension names a format WAV or ffmpeg reads, found under the
/// given files and folders by real path, so a symbolic-link loop ends and a file reached twice is taken once.
/// </summary>
public static class AudioFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".aif", ".aiff", ".wma", ".mka", ".webm",
    };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static bool HasAudioExtension(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>The readable audio files under a folder, its subfolders included, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        Walk([folder]).Where(input => input.Problem is null).Select(input => input.Path).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Expands files and folders into audio inputs: a file stands for itself (named by its file name), a folder for
    /// the audio files below it (named by their path relative to it, with '/'). Inputs that do not exist are left
    /// out; check them first with <see cref="Missing"/>.
    /// </summary>
    public static IReadOnlyList<AudioInput> Walk(IEnumerable<string> inputs)
    {
        var walk = new Traversal();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                walk.Folder(input, "");
            }
            else
            {
                walk.Entry(input, Path.GetFileName(Path.TrimEndingDirectorySeparator(input)), explicitly: true);
            }
        }

        return walk.Found;
    }

    /// <summary>The inputs that name nothing at all (not even a dangling link): usually a typing mistake.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> inputs) =>
        inputs.Where(input => !Path.Exists(input) && new FileInfo(Path.TrimEndingDirectorySeparator(input)).LinkTarget is null).ToArray();

    private sealed class Traversal
    {
        private const string Unresolvable = "its real path cannot be resolved (a folder on the way cannot be entered, the path is too long, or it vanished)";

        private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);

        public List<AudioInput> Found { get; } = [];

        public void Folder(string path, string relative)
        {
            var name = relative.Length == 0 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) : relative.TrimEnd('/');
            var real = RealPath.Of(path);
            if (real is null)
            {
                Found.Add(new AudioInput(path, name, Unresolvable));
                return;
            }

            if (!_folders.Add(real))
            {
                return;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(path, "*", OneLevel);
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                Found.Add(new AudioInput(path, name, $"the folder cannot be listed: {error.Message}"));
                return;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var entryName = relative + Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    Folder(entry, entryName + "/");
                }
                else
                {
                    Entry(entry, entryName, explicitly: false);
                }
            }
        }

        /// <summary>A file named on the command line is taken whatever its extension; one found in a folder only when it names an audio format.</summary>
        public void Entry(string path, string name, bool explicitly)
        {
            if (!explicitly && !HasAudioExtension(path))
            {
                return;
            }

            if (RealPath.Of(path) is { } real)
            {
                if (_files.Add(real))
                {
                    Found.Add(new AudioInput(path, name));
                }
            }
            else
            {
                var target = new FileInfo(path).LinkTarget;
                Found.Add(new AudioInput(path, name, target is null ? Unresolvable : $"a symbolic link to {target}, which does not resolve to a file"));
            }
        }
    }
}
