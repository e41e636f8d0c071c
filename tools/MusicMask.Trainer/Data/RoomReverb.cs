using MusicMask.Signals;

namespace MusicMask.Training.Data;

/// <summary>
/// The parameters of one synthetic room: a direct path, then after a short gap a diffuse tail of Gaussian noise
/// whose level falls 60 dB in <paramref name="Rt60Seconds"/>. Game audio is recorded dry, while archives hold music
/// played in halls and noise recorded in rooms, streets and stairwells; a model that only ever heard dry sound
/// can take a reverberant tail (a sustained wash over every onset) for either class.
/// </summary>
/// <param name="Rt60Seconds">Time for the tail to fall 60 dB.</param>
/// <param name="DirectToReverberantDecibels">Energy of the direct path over the tail's.</param>
/// <param name="GapSeconds">Time from the direct path to the first reflection.</param>
/// <param name="Damping">Pole of the one-pole low-pass on the tail (0 bright, towards 1 dark): walls absorb highs.</param>
public sealed record RoomReverb(double Rt60Seconds, double DirectToReverberantDecibels, double GapSeconds, double Damping)
{
    private const double DecayDecibels = 60;

    /// <summary>Random rooms: RT60 0.2-1.5 s, the direct path 6 dB under to 9 dB over the tail, 3-30 ms gap.</summary>
    public static RoomReverb Draw(Random random) => new(
        0.2 + 1.3 * random.NextDouble(),
        -6 + 15 * random.NextDouble(),
        0.003 + 0.027 * random.NextDouble(),
        0.7 * random.NextDouble());

    /// <summary>The impulse response up to where the tail has fallen 60 dB; <paramref name="random"/> draws the tail.</summary>
    public float[] ImpulseResponse(int sampleRate, Random random)
    {
        var gap = (int)Math.Round(GapSeconds * sampleRate);
        var tail = SignalGenerator.LowPassedGaussian((int)Math.Ceiling(Rt60Seconds * sampleRate), Damping, random);
        var decayPerSample = Math.Pow(10, -DecayDecibels / 20 / (Rt60Seconds * sampleRate));
        var (envelope, tailEnergy) = (1.0, 0.0);
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] *= envelope;
            tailEnergy += tail[i] * tail[i];
            envelope *= decayPerSample;
        }

        // The direct path is a unit impulse; the tail is scaled to the asked energy ratio.
        var tailGain = Math.Sqrt(Math.Pow(10, -DirectToReverberantDecibels / 10) / tailEnergy);
        var response = new float[gap + tail.Length];
        response[0] = 1;
        for (var i = 0; i < tail.Length; i++)
        {
            response[gap + i] += (float)(tail[i] * tailGain);
        }

        return response;
    }

    /// <summary>The signal as heard in the room, the same length (the tail beyond its end is cut).</summary>
    public float[] Apply(float[] signal, int sampleRate, Random random) =>
        FftConvolution.Convolve(signal, ImpulseResponse(sampleRate, random), signal.Length);
}
