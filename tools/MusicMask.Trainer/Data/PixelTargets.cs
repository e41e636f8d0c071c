namespace MusicMask.Training.Data;

/// <summary>
/// What a pixel head learns per pixel of a strip (frequency-major, as the strip): the music's share of the pixel's
/// power (the ideal ratio mask), and a weight proportional to the pixel's power, capped at <see cref="WeightCap"/>
/// times the strip's mean, so the loss counts each pixel as much as its energy counts in the SI-SDR of the music
/// resynthesised under the mask, without one loud pixel deciding a strip.
/// </summary>
public sealed record PixelTargets(float[] MusicShare, float[] Weight)
{
    public const float WeightCap = 30f;

    /// <param name="musicDecibels">The music's spectrogram, or null when the strip has none.</param>
    /// <param name="noiseDecibels">The noise's, likewise.</param>
    public static PixelTargets From(float[]? musicDecibels, float[]? noiseDecibels)
    {
        var length = (musicDecibels ?? noiseDecibels ?? throw new ArgumentException("a strip holds music, noise or both")).Length;
        var share = new float[length];
        var weight = new float[length];
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            var music = musicDecibels is null ? 0 : Math.Pow(10, musicDecibels[i] / 10);
            var noise = noiseDecibels is null ? 0 : Math.Pow(10, noiseDecibels[i] / 10);
            share[i] = (float)(music / (music + noise));
            weight[i] = (float)(music + noise);
            sum += weight[i];
        }

        var mean = (float)(sum / length);
        for (var i = 0; i < length; i++)
        {
            weight[i] = Math.Min(WeightCap, weight[i] / mean);
        }

        return new PixelTargets(share, weight);
    }
}
