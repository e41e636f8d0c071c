namespace MusicMask.Audio;

/// <summary>A forward-only stream of mono samples (the mean of all channels) in [-1, 1].</summary>
public interface IAudioSource : IDisposable
{
    /// <summary>Samples per second of what <see cref="Read"/> returns.</summary>
    int SampleRate { get; }

    /// <summary>Channels in the source before the down-mix.</summary>
    int Channels { get; }

    /// <summary>Total mono samples when the container states it; null when only the end of the stream tells.</summary>
    long? Length { get; }

    /// <summary>A short human description, e.g. "WAV PCM 16-bit".</summary>
    string Format { get; }

    /// <summary>Fills <paramref name="destination"/> with the next samples; returns how many, 0 at the end.</summary>
    int Read(Span<float> destination);

    /// <summary>Set once the source knows it ended before the length its container declared (at the latest when <see cref="Read"/> returned 0).</summary>
    Truncation? Truncation => null;
}
