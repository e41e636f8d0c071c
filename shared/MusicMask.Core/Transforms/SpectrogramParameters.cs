namespace MusicMask.Transforms;

/// <summary>The fixed analysis of the paper: 44.1 kHz, periodic Hann 512, hop 128, bins 0..255, power in dB.</summary>
public static class SpectrogramParameters
{
    public const int SampleRate = 44_100;
    public const int FftSize = 512;
    public const int Hop = 128;
    public const int Bins = 256;

    /// <summary>Added to |X|² before the log so silence is -100 dB, not -inf.</summary>
    public const float PowerFloor = 1e-10f;

    /// <summary>The dB value of an all-zero frame.</summary>
    public const float SilenceDecibels = -100f;

    public static double FrameSeconds => (double)Hop / SampleRate;

    public static double BinHz => (double)SampleRate / FftSize;

    /// <summary>Frames whose first sample lies inside a signal of <paramref name="samples"/> samples (at least 1).</summary>
    public static long FramesFor(long samples) => Math.Max(1, (samples + Hop - 1) / Hop);
}
