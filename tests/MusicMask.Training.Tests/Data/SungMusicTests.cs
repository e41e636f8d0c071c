using MusicMask.Audio;
using MusicMask.Signals;
using MusicMask.Training.Data;
using MusicMask.Transforms;

namespace MusicMask.Training.Tests.Data;

/// <summary>
/// Where music strips come from with sung music asked for. The "singer" is a pure sine on its own bin and the
/// instrumental music a sine on another, so a strip's mean spectrum tells which sources it holds.
/// </summary>
public sealed class SungMusicTests : IDisposable
{
    private const int Columns = 4;
    private const int SungBin = 20;
    private const int InstrumentBin = 40;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-sung-{Guid.NewGuid():N}");

    public SungMusicTests()
    {
        foreach (var (name, bin) in new[] { ("sung", SungBin), ("music", InstrumentBin) })
        {
            Directory.CreateDirectory(Path.Combine(_folder, name));
            var hz = bin * (double)SpectrogramParameters.SampleRate / SpectrogramParameters.FftSize;
            WavWriter.Write(Path.Combine(_folder, name, $"{name}.wav"), SignalGenerator.Sine(5 * 44_100, 44_100, hz, 0.3f), 44_100);
        }

        Directory.CreateDirectory(Path.Combine(_folder, "noise"));
        WavWriter.Write(Path.Combine(_folder, "noise", "hiss.wav"), SignalGenerator.WhiteNoise(5 * 44_100, seed: 2, level: 0.001f), 44_100);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SungMusicIsAVoiceAloneOrOverInstrumentsAndLabelledMusic()
    {
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0, MusicLayering = 0, SungMusic = 1 };
        var random = new Random(3);

        var strips = Enumerable.Range(0, 40).Select(_ => sampler.Next(random, StripKind.Music)).ToArray();

        var sources = strips.Select(strip => Sources(strip, sampler)).ToArray();
        Assert.All(sources, s => Assert.True(s.Sung, "every music strip holds the singer"));
        Assert.InRange(sources.Count(s => s.Instruments), 10, 30);
        Assert.All(strips, strip => Assert.All(strip.Targets, t => Assert.Contains(t, new[] { StripSampler.MusicClass, StripSampler.Ignore })));
    }

    [Fact]
    public void WithoutSungMusicNoStripHoldsTheSinger()
    {
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0, MusicLayering = 0 };
        var random = new Random(3);

        Assert.All(Enumerable.Range(0, 20), _ => Assert.False(Sources(sampler.Next(random, StripKind.Music), sampler).Sung));
    }

    private static (bool Sung, bool Instruments) Sources(Strip strip, StripSampler sampler)
    {
        double Row(int bin) => strip.Decibels.AsSpan(bin * sampler.Width, sampler.Width).ToArray().Average();
        bool Stands(int bin) => Row(bin) > Math.Max(Row(bin - 3), Row(bin + 3)) + 20;
        return (Stands(SungBin), Stands(InstrumentBin));
    }
}
