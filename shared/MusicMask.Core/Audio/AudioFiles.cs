namespace MusicMask.Audio;

/// <summary>Which files in a folder are audio to process: those whose extension names a format WAV or ffmpeg reads.</summary>
public static class AudioFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".aif", ".aiff", ".wma", ".mka", ".webm",
    };

    public static bool HasAudioExtension(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>The audio files under a folder, its subfolders included, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> In(string folder) => Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(HasAudioExtension)
        .Order(StringComparer.Ordinal)
        .ToArray();
}
