namespace MusicMask.Training.Data;

/// <summary>
/// The parameters of one synthetic steady tone: one to three pure sines at unrelated frequencies that hold their pitch
/// and level, like line-up and test tones, whistles, and the whine of CRTs and power supplies. Unlike a
/// <see cref="MachineHum"/> it has no harmonics to read as an instrument's, and unlike a <see cref="SyntheticMelody"/>
/// nothing in it moves.
/// </summary>
/// <param name="Frequencies">Hz, one per sine.</param>
/// <param name="Amplitudes">Relative amplitudes, one per sine; the loudest is 1.</param>
public sealed record SteadyTone(double[] Frequencies, double[] Amplitudes)
{
    private const double LowestHz = 50;
    private const double HighestHz = 16_000;

    /// <summary>Random parameters: one sine in half of them, two or three in the rest, 50 Hz to 16 kHz.</summary>
    public static SteadyTone Draw(Random random)
    {
        var count = random.NextDouble() < 0.5 ? 1 : random.Next(2, 4);
        var frequencies = Enumerable.Range(0, count).Select(_ => LowestHz * Math.Pow(HighestHz / LowestHz, random.NextDouble())).ToArray();
        var amplitudes = Enumerable.Range(0, count).Select(i => i == 0 ? 1 : 0.1 + 0.9 * random.NextDouble()).ToArray();
        return new SteadyTone(frequencies, amplitudes);
    }

    /// <summary>The tone, peak amplitude at most 1; <paramref name="random"/> sets the sines' starting phases.</summary>
    public float[] Render(int samples, int sampleRate, Random random)
    {
        var scale = 1 / Amplitudes.Sum();
        var output = new float[samples];
        for (var k = 0; k < Frequencies.Length; k++)
        {
            var phase = 2 * Math.PI * random.NextDouble();
            var step = 2 * Math.PI * Frequencies[k] / sampleRate;
            var amplitude = Amplitudes[k] * scale;
            for (var i = 0; i < samples; i++)
            {
                output[i] += (float)(amplitude * Math.Sin(phase + step * i));
            }
        }

        return output;
    }
}
