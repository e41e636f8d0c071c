using MusicMask.Audio;
using MusicMask.Signals;
using MusicMask.Training.Data;
using MusicMask.Transforms;

namespace MusicMask.Training.Tests.Data;

/// <summary>
/// How many talkers a speech noise strip holds. Each "voice" here is a pure sine on its own bin, so the talkers in
/// a strip are the voice bins that stand out of the strip's mean spectrum.
/// </summary>
public sealed class SingleVoiceTests : IDisposable
{
    private const int Columns = 4;
    private static readonly int[] VoiceBins = [8, 14, 20, 26, 32, 38, 44, 50];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-voices-{Guid.NewGuid():N}");

    public SingleVoiceTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "speech"));
        Directory.CreateDirectory(Path.Combine(_folder, "noise"));
        Directory.CreateDirectory(Path.Combine(_folder, "music"));
        foreach (var bin in VoiceBins)
        {
            var hz = bin * (double)SpectrogramParameters.SampleRate / SpectrogramParameters.FftSize;
            WavWriter.Write(Path.Combine(_folder, "speech", $"voice{bin}.wav"), SignalGenerator.Sine(5 * 44_100, 44_100, hz, 0.3f), 44_100);
        }

        WavWriter.Write(Path.Combine(_folder, "noise", "hiss.wav"), SignalGenerator.WhiteNoise(5 * 44_100, seed: 2, level: 0.001f), 44_100);
        WavWriter.Write(Path.Combine(_folder, "music", "m.wav"), SignalGenerator.WhiteNoise(5 * 44_100, seed: 3), 44_100);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SingleVoicesMakeEverySpeechStripOneTalkerAndBabbleMakesSeveral()
    {
        var babble = Talkers(new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0 }, new Random(1));
        var single = Talkers(new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0, SingleVoices = 1 }, new Random(1));

        // A strip's mean spectrum can show a second, faint line (a talker added over a noise excerpt), never a crowd.
        Assert.True(babble.Count(t => t >= 3) >= 5, $"talkers per babble strip: {string.Join(", ", babble)}");
        Assert.True(single.Count(t => t == 1) >= 5, $"talkers per single-voice strip: {string.Join(", ", single)}");
        Assert.All(single, t => Assert.InRange(t, 0, 2));
    }

    /// <summary>Talkers in each of 60 noise strips (0 for strips without speech).</summary>
    private static int[] Talkers(StripSampler sampler, Random random) => Enumerable.Range(0, 60).Select(_ =>
    {
        var strip = sampler.Next(random, StripKind.Noise);
        double Row(int bin) => strip.Decibels.AsSpan(bin * sampler.Width, sampler.Width).ToArray().Average();
        return VoiceBins.Count(bin => Row(bin) > Math.Max(Row(bin - 3), Row(bin + 3)) + 20);
    }).ToArray();
}
