namespace MusicMask.Training.Data;

/// <summary>
/// Labels windows by what is audible in their central cells (the ideal binary mask of those cells): music where the
/// music's power there exceeds the noise's, noise where it does not, and no label where both together lie under the
/// least power that sounds or more than a floor under the strip's loudest centre (near silence, where neither is
/// audible). A pure strip has one source.
/// </summary>
public static class CentreLabels
{
    /// <param name="targets">The strip's window labels; windows already without one keep none.</param>
    /// <param name="music">The music's power over each window's central cells, or null when the strip has none.</param>
    /// <param name="noise">The noise's, likewise.</param>
    /// <param name="floorDecibels">How far under the loudest centre a centre counts as near silence.</param>
    /// <param name="leastSounding">The least power over a centre that is not silence, whatever the loudest.</param>
    public static void Apply(long[] targets, double[]? music, double[]? noise, double floorDecibels, double leastSounding)
    {
        double Music(int i) => music?[i] ?? 0;
        double Noise(int i) => noise?[i] ?? 0;
        var loudest = Enumerable.Range(0, targets.Length).Max(i => Music(i) + Noise(i));
        var floor = Math.Max(leastSounding, loudest * Math.Pow(10, -floorDecibels / 10));
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] != StripSampler.Ignore)
            {
                targets[i] = Music(i) + Noise(i) < floor ? StripSampler.Ignore : Music(i) > Noise(i) ? StripSampler.MusicClass : StripSampler.NoiseClass;
            }
        }
    }
}
