namespace MusicMask.Audio;

public static class AudioSourceExtensions
{
    /// <summary>Reads until the span is full or the source ends; returns how many samples it holds.</summary>
    public static int ReadFully(this IAudioSource source, Span<float> destination)
    {
        var filled = 0;
        int read;
        while (filled < destination.Length && (read = source.Read(destination[filled..])) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>Reads and drops up to <paramref name="count"/> samples (all of them by default); returns how many it dropped.</summary>
    public static long Discard(this IAudioSource source, long count = long.MaxValue)
    {
        var buffer = new float[(int)Math.Clamp(count, 1, 1 << 14)];
        long dropped = 0;
        int read;
        while (dropped < count && (read = source.Read(buffer.AsSpan(0, (int)Math.Min(buffer.Length, count - dropped)))) > 0)
        {
            dropped += read;
        }

        return dropped;
    }
}
