using MusicMask.Audio;
using MusicMask.Signals;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>Mono WAV files of a melody in white noise, written for a test.</summary>
public static class TestAudio
{
    public static string Write(string folder, string name, double seconds, int rate = 44_100, int seed = 1)
    {
        var samples = (int)(seconds * rate);
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.Write(path, SignalGenerator.Mix(SignalGenerator.Melody(samples, rate, seed), SignalGenerator.WhiteNoise(samples, seed + 100), 3), rate);
        return path;
    }
}
