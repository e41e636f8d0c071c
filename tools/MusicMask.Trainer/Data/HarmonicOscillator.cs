namespace MusicMask.Training.Data;

/// <summary>
/// A harmonic tone sample by sample at a frequency that may change every sample: harmonic k at amplitude k^-Rolloff
/// (odd harmonics only if asked), as many harmonics as stay under 16 kHz at the highest frequency it will play,
/// scaled so the peak is at most 1.
/// </summary>
public sealed class HarmonicOscillator
{
    private const double HighestHarmonicHz = 16_000;
    private readonly double[] _amplitudes;
    private readonly int _sampleRate;
    private double _phase;

    public HarmonicOscillator(double rolloff, bool oddOnly, double highestFrequency, int sampleRate)
    {
        var harmonics = (int)Math.Max(1, HighestHarmonicHz / highestFrequency);
        _amplitudes = Enumerable.Range(1, harmonics).Select(k => oddOnly && k % 2 == 0 ? 0 : Math.Pow(k, -rolloff)).ToArray();
        var norm = 1 / _amplitudes.Sum();
        for (var k = 0; k < harmonics; k++)
        {
            _amplitudes[k] *= norm;
        }

        _sampleRate = sampleRate;
    }

    /// <summary>Advances one sample at <paramref name="frequency"/> Hz and returns it.</summary>
    public double Next(double frequency)
    {
        _phase += 2 * Math.PI * frequency / _sampleRate;

        // sin(k phase) for every k by the Chebyshev recurrence, one sine and one cosine per sample.
        var (previous, current, twiceCosine) = (0.0, Math.Sin(_phase), 2 * Math.Cos(_phase));
        var sum = 0.0;
        foreach (var amplitude in _amplitudes)
        {
            sum += amplitude * current;
            (previous, current) = (current, twiceCosine * current - previous);
        }

        return sum;
    }
}
