namespace MusicMask.Training.Data;

/// <summary>
/// The parameters of one synthetic melody: notes of a harmonic tone moving on a scale, with onsets every note, and
/// in half of them a bass line under it. It is the structure a <see cref="MachineHum"/> lacks, shown to the model
/// as music so that learning "a steady harmonic tone is noise" does not become "a clean harmonic tone is noise".
/// </summary>
/// <param name="Root">MIDI note of the scale's root (45 = 110 Hz).</param>
/// <param name="Scale">Semitones above the root of the scale's degrees.</param>
/// <param name="NoteSeconds">Typical note length; notes last half to one and a half times it.</param>
/// <param name="Rolloff">Harmonic k has amplitude k^-Rolloff.</param>
/// <param name="OddOnly">Only odd harmonics (clarinet-like).</param>
/// <param name="Decay">Exponential decay over one typical note length (plucked, struck); 0 holds the note (organ, bowed).</param>
/// <param name="VibratoDepth">Peak pitch excursion, octaves, of a 5.5 Hz vibrato.</param>
/// <param name="Bass">A second voice one or two octaves down on the root, fourth and fifth, notes twice as long.</param>
public sealed record SyntheticMelody(
    double Root,
    int[] Scale,
    double NoteSeconds,
    double Rolloff,
    bool OddOnly,
    double Decay,
    double VibratoDepth,
    bool Bass)
{
    private const double VibratoHz = 5.5;
    private const double RampSeconds = 0.01;
    private static readonly int[][] Scales = [[0, 2, 4, 5, 7, 9, 11], [0, 2, 3, 5, 7, 8, 10], [0, 2, 4, 7, 9], [0, 3, 5, 6, 7, 10]];
    private static readonly double[] LengthFactors = [0.5, 1, 1, 1, 1.5];

    /// <summary>Random parameters: roots from 110 to 660 Hz, notes of 0.1-0.4 s, so every 0.74 s window holds an onset.</summary>
    public static SyntheticMelody Draw(Random random) => new(
        Root: 45 + 31 * random.NextDouble(),
        Scale: Scales[random.Next(Scales.Length)],
        NoteSeconds: 0.1 * Math.Pow(4, random.NextDouble()),
        Rolloff: 0.5 + 1.5 * random.NextDouble(),
        OddOnly: random.NextDouble() < 0.3,
        Decay: random.NextDouble() < 0.5 ? 0 : 1 + 4 * random.NextDouble(),
        VibratoDepth: random.NextDouble() < 0.5 ? 0 : 0.005 + 0.025 * random.NextDouble(),
        Bass: random.NextDouble() < 0.5);

    /// <summary>The melody, peak amplitude at most 1; <paramref name="random"/> draws its notes.</summary>
    public float[] Render(int samples, int sampleRate, Random random)
    {
        var output = new float[samples];
        var voices = Bass ? 1.5 : 1;
        var degree = random.Next(Scale.Length);
        AddVoice(output, sampleRate, random, 1 / voices, NoteSeconds, lowestMidi: Root, () =>
        {
            degree = Math.Clamp(degree + random.Next(-3, 4), 0, 2 * Scale.Length - 1);
            return Root + 12 * (degree / Scale.Length) + Scale[degree % Scale.Length];
        });
        if (Bass)
        {
            var octaves = random.Next(1, 3);
            int[] bassDegrees = [0, 5, 7];
            AddVoice(output, sampleRate, random, 0.5 / voices, 2 * NoteSeconds, lowestMidi: Root - 12 * octaves, () =>
                Root - 12 * octaves + bassDegrees[random.Next(bassDegrees.Length)]);
        }

        return output;
    }

    private void AddVoice(float[] output, int sampleRate, Random random, double gain, double noteSeconds, double lowestMidi, Func<double> nextMidi)
    {
        var highest = 440 * Math.Pow(2, (lowestMidi + 24 - 69) / 12.0 + VibratoDepth);
        var oscillator = new HarmonicOscillator(Rolloff, OddOnly, highest, sampleRate);
        var ramp = RampSeconds * sampleRate;
        var rested = false;
        for (var start = 0; start < output.Length;)
        {
            var length = (int)(noteSeconds * LengthFactors[random.Next(LengthFactors.Length)] * sampleRate);
            var frequency = 440 * Math.Pow(2, (nextMidi() - 69) / 12.0);
            var rest = !rested && random.NextDouble() < 0.1;
            for (var i = 0; i < length && start + i < output.Length; i++)
            {
                var t = (double)i / sampleRate;
                var tone = oscillator.Next(frequency * Math.Pow(2, VibratoDepth * Math.Sin(2 * Math.PI * VibratoHz * t)));
                var envelope = Math.Min(1, Math.Min(i, length - i) / ramp) * Math.Exp(-Decay * t / noteSeconds);
                output[start + i] += rest ? 0 : (float)(gain * tone * envelope);
            }

            rested = rest;
            start += length;
        }
    }
}
