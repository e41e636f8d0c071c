using MusicMask.Signals;

namespace MusicMask.Evaluation;

/// <summary>The two signals a drawn pair of excerpts gives: the positive (music clean, or music and noise at the SNR) and the noise alone.</summary>
internal static class ExcerptPair
{
    /// <summary>
    /// Draws a music and a noise excerpt until both have sound; each pair with a silent side counts towards
    /// <paramref name="silentDraws"/>' limit, so folders of silence stop the run with a clear error.
    /// </summary>
    public static (float[] Music, int MusicFile, float[] Noise, int NoiseFile) DrawSounding(ExcerptDraws music, ExcerptDraws noise, Random random, SilentDraws silentDraws)
    {
        while (true)
        {
            var (musicExcerpt, musicFile) = music.Draw(random);
            var (noiseExcerpt, noiseFile) = noise.Draw(random);
            var (musicSounds, noiseSounds) = (SignalGenerator.Rms(musicExcerpt) > 0, SignalGenerator.Rms(noiseExcerpt) > 0);
            if (musicSounds && noiseSounds)
            {
                return (musicExcerpt, musicFile, noiseExcerpt, noiseFile);
            }

            silentDraws.Add(musicSounds, noiseSounds);
        }
    }

    /// <summary>The negative is the noise exactly as it is in the mixture, so a pair differs only by the music.</summary>
    public static (float[] Positive, float[] NoiseAlone) Mix(float[] music, float[] noise, double? snr)
    {
        var noiseAlone = snr is { } db ? SignalGenerator.ScaleToSnr(music, noise, db) : noise;
        return (snr is null ? music : SignalGenerator.Sum(music, noiseAlone), noiseAlone);
    }
}
