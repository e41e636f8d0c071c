namespace MusicMask.Audio;

/// <summary>Samples already in memory, as an <see cref="IAudioSource"/>.</summary>
public sealed class ArrayAudioSource(float[] samples, int sampleRate, string format = "in-memory samples") : IAudioSource
{
    private int _position;

    public int SampleRate => sampleRate;

    public int Channels => 1;

    public long? Length => samples.Length;

    public string Format => format;

    public int Read(Span<float> destination)
    {
        var count = Math.Min(destination.Length, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }

    public void Dispose()
    {
    }
}
