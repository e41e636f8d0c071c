using MusicMask.Audio;

namespace MusicMask.Training.Tests.Data;

/// <summary>Runs scripts/music-beds.sh, which makes the music-under-voice mixtures the model card surveys.</summary>
public sealed class MusicBedsScriptTests : IDisposable
{
    private const int Rate = 44_100;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-beds-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void JoinsVoicesIntoTakesWithMusicUnderThemAtTheAskedRatio()
    {
        // Voice: a 200 Hz tone, 8 s per clip; music: a 3 kHz tone, 5 s (looped under a longer take). Their RMS in the mix is read by band.
        Directory.CreateDirectory(Path.Combine(_folder, "voices"));
        Directory.CreateDirectory(Path.Combine(_folder, "music"));
        for (var i = 0; i < 5; i++)
        {
            WavWriter.Write(Path.Combine(_folder, "voices", $"talk__clip{i}.wav"), Tone(200, 0.5, 8 * Rate), Rate);
        }

        WavWriter.Write(Path.Combine(_folder, "voices", $"talk__clip0.mp3-32.wav"), Tone(200, 0.5, Rate), Rate);
        WavWriter.Write(Path.Combine(_folder, "music", "songs__a.wav"), Tone(3_000, 0.5, 5 * Rate), Rate);
        var beds = Path.Combine(_folder, "beds");

        var first = ProjectScript.Run("music-beds.sh", new Dictionary<string, string>(), Path.Combine(_folder, "music"), Path.Combine(_folder, "voices"), beds, "-10");
        var second = ProjectScript.Run("music-beds.sh", new Dictionary<string, string>(), Path.Combine(_folder, "music"), Path.Combine(_folder, "voices"), beds, "-10");

        Assert.Contains("2 made, 0 kept", first, StringComparison.Ordinal);
        Assert.Contains("0 made, 2 kept", second, StringComparison.Ordinal);
        Assert.Equal(["songs__bed-000.wav", "songs__bed-001.wav"], Directory.GetFiles(beds).Select(Path.GetFileName).Order());
        using var take = AudioDecoder.Open(Path.Combine(beds, "songs__bed-000.wav"));
        var samples = new float[30 * Rate];
        Assert.Equal(24 * Rate, take.ReadFully(samples));
        var mix = samples[..(24 * Rate)];
        var ratio = 20 * Math.Log10(Amplitude(mix, 3_000) / Amplitude(mix, 200));
        Assert.InRange(ratio, -10.5, -9.5);
    }

    private static float[] Tone(double frequency, double amplitude, int samples) =>
        Enumerable.Range(0, samples).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / Rate))).ToArray();

    /// <summary>The amplitude of one frequency in a signal (a single-bin DFT over the whole signal).</summary>
    private static double Amplitude(float[] signal, double frequency)
    {
        double re = 0, im = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            var phase = 2 * Math.PI * frequency * i / Rate;
            re += signal[i] * Math.Cos(phase);
            im += signal[i] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt(re * re + im * im) / signal.Length;
    }
}
