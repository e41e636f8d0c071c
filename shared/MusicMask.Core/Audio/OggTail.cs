namespace MusicMask.Audio;

/// <summary>
/// Whether an Ogg file ends as a complete one does: its last page whole, up to the file's last byte, and marked
/// end-of-stream. ffmpeg takes an Ogg file's length from its last page, so a cut file looks complete to it.
/// </summary>
public static class OggTail
{
    private const int HeaderBytes = 27;
    private const int MaxPageBytes = HeaderBytes + 255 + 255 * 255;
    private const byte EndOfStream = 0x04;

    public static bool EndsCleanly(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var tailLength = (int)Math.Min(stream.Length, MaxPageBytes);
        var tail = new byte[tailLength];
        stream.Seek(-tailLength, SeekOrigin.End);
        stream.ReadExactly(tail);
        for (var start = tail.Length - HeaderBytes; start >= 0; start--)
        {
            if (IsPageEndingAt(tail, start, tail.Length))
            {
                return (tail[start + 5] & EndOfStream) != 0;
            }
        }

        return false;
    }

    private static bool IsPageEndingAt(byte[] bytes, int start, int end)
    {
        if (!bytes.AsSpan(start, 4).SequenceEqual("OggS"u8) || bytes[start + 4] != 0)
        {
            return false;
        }

        var segments = bytes[start + 26];
        if (start + HeaderBytes + segments > end)
        {
            return false;
        }

        var body = 0;
        foreach (var lacing in bytes.AsSpan(start + HeaderBytes, segments))
        {
            body += lacing;
        }

        return start + HeaderBytes + segments + body == end;
    }
}
