using MusicMask.Audio;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

/// <summary>The survey of which training clips a model gets wrong, with the shipped model on clips of known content.</summary>
public sealed class ClipErrorSurveyTests : IDisposable
{
    private const int Rate = 44_100;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-survey-{Guid.NewGuid():N}");

    [Fact]
    public void WhiteNoiseIsRightAsNoiseAndWrongAsMusicOnTheSameWindows()
    {
        var noise = SignalGenerator.WhiteNoise(40 * Rate, seed: 5, level: 0.05f);
        Write("noise", "hiss.wav", noise);
        Write("music", "hiss.wav", noise);
        using var scorer = new StripScorer(RepositoryFile.Find(Path.Combine("models", "musicmask-v1.onnx")));

        var errors = ClipErrorSurvey.Measure(new AudioLibrary(_folder), scorer).ToDictionary(e => e.Class);

        Assert.True(errors["noise"].Error < 0.1, $"{errors["noise"].Error:P0} of white noise's windows called music");
        Assert.Equal(errors["noise"].Windows, errors["music"].Windows);
        Assert.Equal(1.0, errors["noise"].Error + errors["music"].Error, 6);
    }

    [Fact]
    public void AClipShorterThanAWindowWrapsAsTheTrainerReadsIt()
    {
        Write("noise", "click.wav", SignalGenerator.WhiteNoise(Rate / 4, seed: 6, level: 0.05f));
        Write("music", "tune.wav", SignalGenerator.Melody(5 * Rate, Rate, seed: 7, level: 0.1f));
        using var scorer = new StripScorer(RepositoryFile.Find(Path.Combine("models", "musicmask-v1.onnx")));

        var click = ClipErrorSurvey.Measure(new AudioLibrary(_folder), scorer).Single(e => e.Class == "noise");

        Assert.True(click.Windows > 0, "a quarter-second clip gave no windows");
        Assert.Equal(0.25, click.Seconds, 3);
    }

    [Fact]
    public void TheWrittenSurveyReadsBackAsEmphasis()
    {
        var path = Path.Combine(Directory.CreateDirectory(_folder).FullName, "survey.tsv");
        ClipErrorSurvey.Write(path, [new ClipError("noise", "/x/noise/drone.wav", 12.5, 300, 0.25), new ClipError("music", "/x/music/pad.wav", 60, 900, 0.5)]);

        var emphasis = ClipEmphasis.Read(path, strength: 4);

        Assert.Equal(2.0, emphasis.Factor("/elsewhere/drone.wav"));
        Assert.Equal(3.0, emphasis.Factor("pad.wav"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Write(string kind, string name, float[] samples)
    {
        Directory.CreateDirectory(Path.Combine(_folder, kind));
        WavWriter.Write(Path.Combine(_folder, kind, name), samples, Rate);
    }
}
