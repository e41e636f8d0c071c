namespace MusicMask.Filters;

/// <summary>The Kaiser window and the design rule that ties its shape to a stopband attenuation.</summary>
public static class KaiserWindow
{
    /// <summary>Kaiser's beta for a stopband attenuation of <paramref name="decibels"/> (&gt; 50 dB form).</summary>
    public static double BetaFor(double decibels) => 0.1102 * (decibels - 8.7);

    /// <summary>Transition width as a fraction of the sample rate, for a filter of <paramref name="taps"/> taps.</summary>
    public static double TransitionWidth(double decibels, int taps) => (decibels - 7.95) / (14.36 * taps);

    /// <summary>The window at <paramref name="x"/> in [-1, 1] (0 outside).</summary>
    public static double At(double x, double beta) => Math.Abs(x) > 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - x * x)) / BesselI0(beta);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 64; k++)
        {
            term *= half / k * (half / k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
