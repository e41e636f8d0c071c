namespace MusicMask.Evaluation;

/// <summary>Scale-invariant signal-to-distortion ratio (Le Roux et al., 2019), in dB.</summary>
public static class SiSdr
{
    /// <summary>
    /// 10·log10(|αs|² / |αs − ŝ|²) with α = ⟨ŝ, s⟩ / |s|², s the reference and ŝ the estimate; +inf for a perfect
    /// estimate, -inf for one orthogonal to the reference or silent.
    /// </summary>
    public static double Of(ReadOnlySpan<float> reference, ReadOnlySpan<float> estimate)
    {
        if (reference.Length != estimate.Length)
        {
            throw new ArgumentException($"the reference has {reference.Length} samples, the estimate {estimate.Length}");
        }

        double dot = 0, energy = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            dot += (double)reference[i] * estimate[i];
            energy += (double)reference[i] * reference[i];
        }

        if (energy == 0)
        {
            throw new ArgumentException("the reference is silent: SI-SDR is undefined");
        }

        if (dot == 0)
        {
            return double.NegativeInfinity;
        }

        var alpha = dot / energy;
        double target = 0, error = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            var scaled = alpha * reference[i];
            target += scaled * scaled;
            var difference = scaled - estimate[i];
            error += difference * difference;
        }

        return 10 * Math.Log10(target / error);
    }
}
