using System.Security.Cryptography;
using System.Text;

namespace MusicMask.Outputs;

/// <summary>
/// The folder path a result name gets under an output folder: the name's '/'-separated segments, each kept whole
/// when it fits a file name and otherwise cut and marked with a hash of the whole segment, so names stay unique and
/// the same name always maps to the same folder. The original name is kept in the manifest.
/// </summary>
public static class ResultFolderNames
{
    /// <summary>Bytes a segment may have: most file systems allow 255; 200 keeps a margin for those that allow less.</summary>
    public const int MaxSegmentBytes = 200;
    private const int HashCharacters = 16;

    public static string RelativePath(string name)
    {
        var segments = name.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.Contains('\0')))
        {
            throw new ArgumentException($"\"{name}\" cannot name a result folder: it has an empty, '.' or '..' segment or a NUL character", nameof(name));
        }

        return Path.Combine(segments.Select(Shorten).ToArray());
    }

    private static string Shorten(string segment)
    {
        if (Encoding.UTF8.GetByteCount(segment) <= MaxSegmentBytes)
        {
            return segment;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(segment)))[..HashCharacters];
        var extension = Path.GetExtension(segment);
        if (Encoding.UTF8.GetByteCount(extension) > 16)
        {
            extension = "";
        }

        var budget = MaxSegmentBytes - HashCharacters - 1 - Encoding.UTF8.GetByteCount(extension);
        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in segment.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return $"{kept}~{hash}{extension}";
    }
}
