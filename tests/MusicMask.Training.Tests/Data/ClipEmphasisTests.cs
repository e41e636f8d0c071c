using MusicMask.Audio;
using MusicMask.Signals;
using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

/// <summary>Reading a clip error survey, and drawing the clips it marks as hard more often.</summary>
public sealed class ClipEmphasisTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-emphasis-{Guid.NewGuid():N}");

    public ClipEmphasisTests()
    {
        foreach (var (name, seed) in new[] { ("easy", 1), ("hard", 2) })
        {
            Directory.CreateDirectory(Path.Combine(_folder, "noise"));
            WavWriter.Write(Path.Combine(_folder, "noise", $"{name}.wav"), SignalGenerator.WhiteNoise(44_100, seed: seed), 44_100);
        }
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(3, 4.0)]
    public void AClipIsDrawnOnePlusStrengthTimesItsErrorAsOften(double strength, double expectedRatio)
    {
        var survey = Survey("noise\teasy.wav\t1.00\t100\t0", "noise\thard.wav\t1.00\t100\t1");
        var library = new AudioLibrary(_folder, ClipEmphasis.Read(survey, strength));
        var random = new Random(3);

        var hard = Enumerable.Range(0, 20_000).Count(_ => library.Draw("noise", random).Path.EndsWith("hard.wav", StringComparison.Ordinal));

        var ratio = hard / (double)(20_000 - hard);
        Assert.InRange(ratio, expectedRatio * 0.93, expectedRatio * 1.07);
    }

    [Fact]
    public void AClipTheSurveyDidNotCoverKeepsItsPlainWeight()
    {
        var emphasis = ClipEmphasis.Read(Survey("noise\thard.wav\t1.00\t100\t0.5"), strength: 2);

        Assert.Equal(2.0, emphasis.Factor(Path.Combine(_folder, "noise", "hard.wav")));
        Assert.Equal(1.0, emphasis.Factor(Path.Combine(_folder, "noise", "easy.wav")));
        Assert.True(emphasis.Covers(Path.Combine(_folder, "noise", "hard.wav")));
        Assert.False(emphasis.Covers(Path.Combine(_folder, "noise", "easy.wav")));
    }

    [Theory]
    [InlineData("noise\thard.wav\t1.00\t100")]
    [InlineData("noise\thard.wav\t1.00\t100\t1.5")]
    [InlineData("noise\thard.wav\t1.00\t100\tNaN")]
    public void AMalformedLineIsRefusedByNumber(string line)
    {
        var survey = Survey("noise\teasy.wav\t1.00\t100\t0", line);

        var error = Assert.Throws<InvalidDataException>(() => ClipEmphasis.Read(survey, 3));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void AFileWithoutTheSurveyHeaderIsRefused()
    {
        var path = Path.Combine(_folder, "other.tsv");
        File.WriteAllText(path, "file\tweight\nhard.wav\t2\n");

        Assert.Throws<InvalidDataException>(() => ClipEmphasis.Read(path, 3));
    }

    [Fact]
    public void ANegativeStrengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => ClipEmphasis.Read(Survey("noise\teasy.wav\t1.00\t100\t0"), -1));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Survey(params string[] lines)
    {
        var path = Path.Combine(_folder, "survey.tsv");
        File.WriteAllLines(path, [ClipErrorSurvey.Header, .. lines]);
        return path;
    }
}
