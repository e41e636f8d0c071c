using System.Security.Cryptography;
using System.Text;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// A job is one upload: 16 hex digits of SHA-256 over container, blob name and ETag. The same upload seen twice is
/// the same job; a new upload under the same name is a new one.
/// </summary>
public static class JobIds
{
    public const int Length = 16;

    public static string For(string container, string name, string etag)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{container}\n{name}\n{ETags.Unquoted(etag)}"));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    public static string? Problem(string? jobId) =>
        jobId is { Length: Length } && jobId.All(char.IsAsciiHexDigitLower) ? null : $"job id \"{jobId}\" is not {Length} lowercase hex digits";
}
