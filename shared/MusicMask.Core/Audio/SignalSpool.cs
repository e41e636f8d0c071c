namespace MusicMask.Audio;

/// <summary>
/// A signal kept on disk rather than in memory while the rest of its file is scored: float32 samples in a
/// temporary file that is unlinked as soon as it is open, so nothing is left behind however the process ends.
/// Written from the start, then read anywhere once <see cref="Complete"/>.
/// </summary>
public sealed class SignalSpool : IDisposable
{
    private readonly FileStream _file;
    private bool _complete;

    public SignalSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"musicmask-signal-{Environment.ProcessId}-{Guid.NewGuid():N}.f32");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16);
        File.Delete(path);
    }

    public long Samples { get; private set; }

    public void Write(ReadOnlySpan<float> samples)
    {
        if (_complete)
        {
            throw new InvalidOperationException("the spool is complete; it cannot be written any more");
        }

        _file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples));
        Samples += samples.Length;
    }

    /// <summary>Ends the writing: from here on the samples are read, from any position and any thread.</summary>
    public void Complete()
    {
        if (!_complete)
        {
            _file.Flush();
            _complete = true;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the samples from index <paramref name="start"/> on; returns how many, fewer at the end.</summary>
    public int ReadAt(long start, Span<float> destination)
    {
        if (!_complete)
        {
            throw new InvalidOperationException("complete the spool before reading it");
        }

        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination);
        var filled = 0;
        while (filled < bytes.Length)
        {
            var read = RandomAccess.Read(_file.SafeFileHandle, bytes[filled..], start * sizeof(float) + filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled / sizeof(float);
    }

    public void Dispose() => _file.Dispose();
}
