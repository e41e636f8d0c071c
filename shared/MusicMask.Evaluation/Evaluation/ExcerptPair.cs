using MusicMask.Signals;

namespace MusicMask.Evaluation;

/// <summary>The two signals a drawn pair of excerpts gives: the positive (music clean, or music and noise at the SNR) and the noise alone.</summary>
internal static class ExcerptPair
{
    /// <summary>The negative is the noise exactly as it is in the mixture, so a pair differs only by the music.</summary>
    public static (float[] Positive, float[] NoiseAlone) Mix(float[] music, float[] noise, double? snr)
    {
        var noiseAlone = snr is { } db ? SignalGenerator.ScaleToSnr(music, noise, db) : noise;
        return (snr is null ? music : SignalGenerator.Sum(music, noiseAlone), noiseAlone);
    }
}
