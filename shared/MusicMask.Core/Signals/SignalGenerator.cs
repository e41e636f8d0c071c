namespace MusicMask.Signals;

/// <summary>Deterministic test signals: harmonic melodies, chords, white and brown noise, mixing at a given SNR.</summary>
public static class SignalGenerator
{
    /// <summary>A melody of harmonic notes (with attack/decay envelopes) at roughly <paramref name="level"/> RMS.</summary>
    public static float[] Melody(int samples, int sampleRate, int seed, float level = 0.1f, double noteSeconds = 0.25)
    {
        var random = new Random(seed);
        var output = new float[samples];
        var noteLength = Math.Max(1, (int)(noteSeconds * sampleRate));
        double[] scale = [0, 2, 4, 5, 7, 9, 11, 12];
        for (var start = 0; start < samples; start += noteLength)
        {
            var midi = 57 + scale[random.Next(scale.Length)] + 12 * random.Next(2);
            var frequency = 440 * Math.Pow(2, (midi - 69) / 12.0);
            var length = Math.Min(noteLength, samples - start);
            for (var i = 0; i < length; i++)
            {
                var t = (double)i / sampleRate;
                var envelope = Math.Min(1, i / (0.01 * sampleRate)) * Math.Exp(-3 * t / noteSeconds);
                var value = 0.0;
                for (var h = 1; h <= 6 && h * frequency < sampleRate / 2.0; h++)
                {
                    value += Math.Sin(2 * Math.PI * h * frequency * t) / h;
                }

                output[start + i] = (float)(value * envelope);
            }
        }

        return Normalize(output, level);
    }

    /// <summary>Gaussian white noise with RMS <paramref name="level"/>.</summary>
    public static float[] WhiteNoise(int samples, int seed, float level = 0.1f)
    {
        var random = new Random(seed);
        var output = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            output[i] = (float)Gaussian(random);
        }

        return Normalize(output, level);
    }

    /// <summary>A pure tone.</summary>
    public static float[] Sine(int samples, int sampleRate, double frequency, float amplitude = 0.5f, double phase = 0)
    {
        var output = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            output[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase));
        }

        return output;
    }

    public static double Rms(ReadOnlySpan<float> signal)
    {
        var sum = 0.0;
        foreach (var x in signal)
        {
            sum += (double)x * x;
        }

        return Math.Sqrt(sum / Math.Max(1, signal.Length));
    }

    /// <summary>music + noise scaled so that 20·log10(rms(music)/rms(noise)) = <paramref name="snrDecibels"/>.</summary>
    public static float[] Mix(ReadOnlySpan<float> music, ReadOnlySpan<float> noise, double snrDecibels) =>
        Sum(music, ScaleToSnr(music, noise, snrDecibels));

    /// <summary>The noise scaled so that 20·log10(rms(music)/rms(noise)) = <paramref name="snrDecibels"/>.</summary>
    public static float[] ScaleToSnr(ReadOnlySpan<float> music, ReadOnlySpan<float> noise, double snrDecibels)
    {
        var noiseRms = Rms(noise);
        if (noiseRms == 0)
        {
            throw new ArgumentException("cannot set an SNR against silent noise", nameof(noise));
        }

        var gain = Rms(music) / (noiseRms * Math.Pow(10, snrDecibels / 20));
        var output = new float[noise.Length];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (float)(gain * noise[i]);
        }

        return output;
    }

    /// <summary>Sample-wise a + b over the shorter length.</summary>
    public static float[] Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var output = new float[Math.Min(a.Length, b.Length)];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = a[i] + b[i];
        }

        return output;
    }

    private static float[] Normalize(float[] signal, float level)
    {
        var rms = Rms(signal);
        if (rms > 0)
        {
            var gain = (float)(level / rms);
            for (var i = 0; i < signal.Length; i++)
            {
                signal[i] *= gain;
            }
        }

        return signal;
    }

    /// <summary>
    /// Unit Gaussian noise through the one-pole low-pass y = pole * y + (1 - pole) * x: white at pole 0, towards
    /// brown as it nears 1. Unscaled and in double precision, for callers that shape it further.
    /// </summary>
    public static double[] LowPassedGaussian(int samples, double pole, Random random)
    {
        var output = new double[samples];
        double state = 0;
        for (var i = 0; i < samples; i++)
        {
            state = pole * state + (1 - pole) * Gaussian(random);
            output[i] = state;
        }

        return output;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
