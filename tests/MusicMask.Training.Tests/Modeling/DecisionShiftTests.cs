using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Training.Modeling;

namespace MusicMask.Training.Tests.Modeling;

public sealed class DecisionShiftTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("musicmask-decision-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AMovedDecisionShiftsEveryWindowsLogitByTheSameAmountAndShiftsAdd()
    {
        var model = Path.Combine(_folder, "model.onnx");
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(3), "test"));
        var once = Path.Combine(_folder, "once.onnx");
        var twice = Path.Combine(_folder, "twice.onnx");

        DecisionShift.Write(model, 0.7, once);
        DecisionShift.Write(once, 0.4, twice);

        var strip = Enumerable.Range(0, 256 * 304).Select(i => -60f + 30f * MathF.Sin(i / 37f) * MathF.Cos(i / 5000f)).ToArray();
        float[] Scores(string path)
        {
            using var scorer = new StripScorer(path);
            return scorer.Run(strip, [1, 1, 256, 304]);
        }

        var before = Scores(model);
        var shifts = new[] { Scores(once), Scores(twice) }.Select(after => before.Zip(after)
            .Where(p => p.First is > 0.01f and < 0.99f)
            .Select(p => Logit(p.First) - Logit(p.Second)).ToArray()).ToArray();
        Assert.True(shifts[0].Length > 10, "too few windows away from certainty to compare");
        Assert.All(shifts[0], shift => Assert.Equal(Logit(0.7), shift, 3));
        Assert.All(shifts[1], shift => Assert.Equal(Logit(0.7) + Logit(0.4), shift, 3));
    }

    [Fact]
    public void RefusesAModelWithAPixelHeadRatherThanDropIt()
    {
        var model = Path.Combine(_folder, "pixels.onnx");
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(4) with { PixelHead = PixelHeadWeights.Random(4) }, "test"));
        var target = Path.Combine(_folder, "decided.onnx");

        var error = Assert.Throws<ArgumentException>(() => DecisionShift.Write(model, 0.6, target));
        Assert.Contains("pixel head", error.Message);
        Assert.False(File.Exists(target));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
