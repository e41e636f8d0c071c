using MusicMask.Audio;
using MusicMask.Transforms;

namespace MusicMask.Training.Data;

/// <summary>A prepared 44.1 kHz mono 16-bit WAV file, read by random access (the page cache keeps it warm).</summary>
public sealed class AudioClip
{
    private readonly long _dataOffset;

    public AudioClip(string path)
    {
        Path = path;
        using var stream = File.OpenRead(path);
        using var source = new WavAudioSource(stream, ownsStream: false);
        if (source.SampleRate != SpectrogramParameters.SampleRate || source.Channels != 1 || source.WavFormat.BitsPerSample != 16)
        {
            throw new InvalidDataException($"{path}: expected 44.1 kHz mono 16-bit (run scripts/prepare-data.sh), got {source.Format}");
        }

        _dataOffset = stream.Position;
        Length = source.Length ?? (stream.Length - _dataOffset) / 2;
    }

    public string Path { get; }

    /// <summary>Samples in the file.</summary>
    public long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="start"/>, wrapping to the file's start at its end.</summary>
    public void Read(long start, Span<float> destination)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var bytes = new byte[Math.Min(destination.Length, Length) * 2];
        var filled = 0;
        var position = start % Length;
        while (filled < destination.Length)
        {
            var take = (int)Math.Min(destination.Length - filled, Length - position);
            stream.Position = _dataOffset + position * 2;
            stream.ReadExactly(bytes, 0, take * 2);
            var samples = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, take * 2));
            for (var i = 0; i < take; i++)
            {
                destination[filled + i] = samples[i] / 32768f;
            }

            filled += take;
            position = 0;
        }
    }
}
