namespace MusicMask.Audio;

/// <summary>Sample encodings the native WAV reader understands.</summary>
public enum WavSampleEncoding
{
    Pcm,
    IeeeFloat,
}

/// <summary>The parsed fmt chunk of a RIFF/WAVE or RF64 file.</summary>
public sealed record WavFormat(WavSampleEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    public int BytesPerSample => BitsPerSample / 8;

    public string Describe() => Encoding == WavSampleEncoding.Pcm
        ? $"WAV PCM {BitsPerSample}-bit, {Channels} ch, {SampleRate} Hz"
        : $"WAV float {BitsPerSample}-bit, {Channels} ch, {SampleRate} Hz";
}
