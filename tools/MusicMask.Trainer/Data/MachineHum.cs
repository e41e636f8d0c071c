namespace MusicMask.Training.Data;

/// <summary>
/// The parameters of one synthetic machine hum: a harmonic tone with no musical structure (one pitch that at most
/// drifts, no onsets), like mains hum, transformer buzz, avionics, engines and rotors.
/// </summary>
/// <param name="Fundamental">Hz.</param>
/// <param name="Rolloff">Harmonic k has amplitude k^-Rolloff.</param>
/// <param name="OddOnly">Only odd harmonics (square-like buzz).</param>
/// <param name="Drift">Peak pitch excursion, octaves, of a slow sinusoidal drift (engine revs); 0 for a steady hum.</param>
/// <param name="DriftRate">Hz.</param>
/// <param name="ModulationDepth">Amplitude modulation depth, 0 to 1 (rotor chop, firing pulses).</param>
/// <param name="ModulationRate">Hz.</param>
public sealed record MachineHum(
    double Fundamental,
    double Rolloff,
    bool OddOnly,
    double Drift,
    double DriftRate,
    double ModulationDepth,
    double ModulationRate)
{
    /// <summary>Random parameters: 40 Hz to 1 kHz, steady or drifting, half of them amplitude-modulated.</summary>
    public static MachineHum Draw(Random random)
    {
        var drifting = random.NextDouble() < 0.5;
        var modulated = random.NextDouble() < 0.5;
        return new MachineHum(
            Fundamental: 40 * Math.Pow(25, random.NextDouble()),
            Rolloff: 0.5 + 1.5 * random.NextDouble(),
            OddOnly: random.NextDouble() < 0.3,
            Drift: drifting ? 0.02 + 0.2 * random.NextDouble() : 0,
            DriftRate: 0.1 + 0.9 * random.NextDouble(),
            ModulationDepth: modulated ? 0.2 + 0.7 * random.NextDouble() : 0,
            ModulationRate: 2 + 38 * random.NextDouble());
    }

    /// <summary>The hum, peak amplitude at most 1; <paramref name="random"/> sets where the drift starts.</summary>
    public float[] Render(int samples, int sampleRate, Random random)
    {
        var oscillator = new HarmonicOscillator(Rolloff, OddOnly, Fundamental * Math.Pow(2, Drift), sampleRate);
        var driftPhase = 2 * Math.PI * random.NextDouble();
        var output = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            var t = (double)i / sampleRate;
            var tone = oscillator.Next(Fundamental * Math.Pow(2, Drift * Math.Sin(2 * Math.PI * DriftRate * t + driftPhase)));
            var envelope = 1 - ModulationDepth * 0.5 * (1 + Math.Sin(2 * Math.PI * ModulationRate * t));
            output[i] = (float)(tone * envelope);
        }

        return output;
    }
}
