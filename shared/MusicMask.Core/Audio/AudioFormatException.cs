namespace MusicMask.Audio;

/// <summary>
/// The input is not audio this system can decode; the message says exactly why, and <see cref="Details"/> carries
/// what a decoder printed (ffmpeg's log), for the error record.
/// </summary>
public sealed class AudioFormatException(string message, Exception? inner = null, string? details = null) : Exception(message, inner)
{
    public string? Details => details;
}
