using System.Text;

namespace MusicMask.Audio;

/// <summary>Opens audio by content, not by file name: WAV natively, everything else through ffmpeg.</summary>
public static class AudioDecoder
{
    /// <summary>
    /// Opens a local file, from <paramref name="startSeconds"/> on; throws <see cref="AudioFormatException"/> with the
    /// reason when it cannot be decoded.
    /// </summary>
    public static IAudioSource Open(string path, double startSeconds = 0, FfmpegOptions? ffmpeg = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"no such file: {path}", path);
        }

        if (info.Length == 0)
        {
            throw new AudioFormatException("empty file (0 bytes), or not a regular file");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[16];
        var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var kind = Sniff(head.AsSpan(0, got));
        if (kind == "WAV")
        {
            try
            {
                var wav = new WavAudioSource(stream);
                wav.Skip((long)(startSeconds * wav.SampleRate));
                return wav;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        stream.Dispose();
        if (kind == "text")
        {
            throw new AudioFormatException("not audio: the file is plain text");
        }

        return FfmpegAudioSource.Open(path, kind, startSeconds, ffmpeg);
    }

    /// <summary>Names the container from its first bytes: WAV, MP3, FLAC, Ogg, MP4/M4A, text or "unknown format".</summary>
    public static string Sniff(ReadOnlySpan<byte> head)
    {
        var magic = Ascii(head, 0, 4);
        if (magic is "RIFF" or "RF64")
        {
            return Ascii(head, 8, 4) == "WAVE" ? "WAV" : "RIFF (not WAVE)";
        }

        return magic switch
        {
            "fLaC" => "FLAC",
            "OggS" => "Ogg",
            _ when Ascii(head, 0, 3) == "ID3" || (head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) => "MP3",
            _ when Ascii(head, 4, 4) == "ftyp" => "MP4/M4A",
            _ when LooksLikeText(head) => "text",
            _ => "unknown format",
        };
    }

    private static string Ascii(ReadOnlySpan<byte> head, int start, int length) =>
        head.Length >= start + length ? Encoding.ASCII.GetString(head.Slice(start, length)) : string.Empty;

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is < 0x09 or (> 0x0D and < 0x20) || b == 0x7F)
            {
                return false;
            }
        }

        return head.Length > 0;
    }
}
