using MusicMask.Audio;
using MusicMask.Signals;

namespace MusicMask.Training.Tests.Modeling;

internal static class MiniatureData
{
    /// <summary>A miniature prepared data set: melodies as music, white and brown-ish noise, noise bursts as "speech".</summary>
    public static void Write(string folder)
    {
        var seed = 0;
        foreach (var split in new[] { "train", "validation" })
        {
            foreach (var name in new[] { "music", "noise", "speech" })
            {
                Directory.CreateDirectory(Path.Combine(folder, split, name));
                for (var i = 0; i < 3; i++)
                {
                    var samples = name switch
                    {
                        "music" => SignalGenerator.Melody(4 * 44_100, 44_100, ++seed, noteSeconds: 0.2 + 0.1 * i),
                        "noise" => Smoothed(SignalGenerator.WhiteNoise(3 * 44_100, ++seed), i),
                        _ => Bursts(SignalGenerator.WhiteNoise(2 * 44_100, ++seed)),
                    };
                    WavWriter.Write(Path.Combine(folder, split, name, $"{name}{i}.wav"), samples, 44_100);
                }
            }
        }
    }

    private static float[] Smoothed(float[] noise, int passes)
    {
        for (var p = 0; p < passes; p++)
        {
            for (var n = 1; n < noise.Length; n++)
            {
                noise[n] = 0.7f * noise[n - 1] + 0.3f * noise[n];
            }
        }

        return noise;
    }

    private static float[] Bursts(float[] noise)
    {
        for (var n = 0; n < noise.Length; n++)
        {
            noise[n] *= (n / 4410) % 3 == 0 ? 0.1f : 1f;
        }

        return noise;
    }
}
