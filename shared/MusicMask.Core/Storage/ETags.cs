namespace MusicMask.Storage;

/// <summary>
/// ETags as the stages compare them: the storage service quotes a blob's ETag in its properties but a listing may
/// not, so the same upload can arrive in either form.
/// </summary>
public static class ETags
{
    public static string Unquoted(string etag) => etag.Trim('"');

    public static bool Same(string? first, string? second) =>
        first is not null && second is not null && Unquoted(first) == Unquoted(second);
}
