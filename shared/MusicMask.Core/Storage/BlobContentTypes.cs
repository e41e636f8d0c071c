namespace MusicMask.Storage;

/// <summary>
/// The Content-Type a blob is stored with, by the extension of its name. Blob storage serves a blob with the type it
/// was stored with, and a browser opening a blob link shows an image, a page or text only when told what it is.
/// </summary>
public static class BlobContentTypes
{
    public const string Binary = "application/octet-stream";
    private const string Text = "text/plain; charset=utf-8";

    // CSV as text/plain: a browser shows it, where text/csv makes it download the file.
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".json"] = "application/json",
        [".html"] = "text/html; charset=utf-8",
        [".txt"] = Text,
        [".csv"] = Text,
        [".npy"] = Binary,
        [".wav"] = "audio/wav",
        [".mp3"] = "audio/mpeg",
        [".flac"] = "audio/flac",
        [".ogg"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".m4a"] = "audio/mp4",
    };

    /// <summary>The type of a blob named <paramref name="name"/>; <see cref="Binary"/> for an unknown or missing extension.</summary>
    public static string For(string name) => ByExtension.GetValueOrDefault(Path.GetExtension(name), Binary);
}
