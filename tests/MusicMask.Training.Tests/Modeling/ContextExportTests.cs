using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Training.Modeling;

namespace MusicMask.Training.Tests.Modeling;

public sealed class ContextExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("musicmask-context-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheFittedContextTravelsInTheModelAndTheNetworkIsUntouched()
    {
        MiniatureData.Write(Path.Combine(_folder, "data"));
        var model = Path.Combine(_folder, "model.onnx");
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(3), "test"));
        var target = Path.Combine(_folder, "context.onnx");

        var fitted = ContextExport.Column(model, Path.Combine(_folder, "data"), target, seed: 2, windowsPerCondition: 400);

        Assert.Equal(1, fitted.Own);
        Assert.True(float.IsFinite(fitted.Column) && float.IsFinite(fitted.Bias), $"fitted {fitted}");
        using var after = new StripScorer(target);
        Assert.Equal(fitted, after.Context);
        AssertSameNetwork(model, after);
        AssertRefusedAsFittedAlready(() => ContextExport.Column(target, Path.Combine(_folder, "data"), Path.Combine(_folder, "again.onnx"), seed: 2, windowsPerCondition: 400));
    }

    [Fact]
    public void TheTimeContextIsFittedOverTheColumnContextAndTravelsBesideIt()
    {
        MiniatureData.Write(Path.Combine(_folder, "data"));
        var model = Path.Combine(_folder, "model.onnx");
        var column = new ColumnContext(1, 1.2f, 0.8f);
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(3) with { ColumnContext = column }, "test"));
        var target = Path.Combine(_folder, "time.onnx");

        var fitted = ContextExport.Time(model, Path.Combine(_folder, "data"), target, seed: 2, windowsPerCondition: 400, radius: 6);

        Assert.True(float.IsFinite(fitted.Column) && float.IsFinite(fitted.Around) && float.IsFinite(fitted.Bias), $"fitted {fitted}");
        Assert.Equal(6, fitted.Radius);
        using var after = new StripScorer(target);
        Assert.Equal((column, fitted), (after.Context, after.TimeContext));
        AssertSameNetwork(model, after);
        AssertRefusedAsFittedAlready(() => ContextExport.Time(target, Path.Combine(_folder, "data"), Path.Combine(_folder, "again.onnx"), seed: 2, windowsPerCondition: 400, radius: 6));
        AssertRefusedAsFittedAlready(() => ContextExport.Column(target, Path.Combine(_folder, "data"), Path.Combine(_folder, "again.onnx"), seed: 2, windowsPerCondition: 400));
    }

    [Fact]
    public void AModelWithAPixelHeadIsRefusedRatherThanLosingIt()
    {
        MiniatureData.Write(Path.Combine(_folder, "data"));
        var model = Path.Combine(_folder, "head.onnx");
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(3) with { PixelHead = PixelHeadWeights.Random(3) }, "test"));

        var error = Assert.Throws<ArgumentException>(() => ContextExport.Column(model, Path.Combine(_folder, "data"), Path.Combine(_folder, "out.onnx"), seed: 2, windowsPerCondition: 400));

        Assert.Contains("pixel head", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "out.onnx")));
    }

    private static void AssertRefusedAsFittedAlready(Action fit) =>
        Assert.Contains("already", Assert.Throws<ArgumentException>(fit).Message, StringComparison.Ordinal);

    private static void AssertSameNetwork(string model, StripScorer rewritten)
    {
        using var before = new StripScorer(model);
        var strip = Enumerable.Range(0, 256 * 300).Select(i => -60f + 30f * MathF.Sin(i / 37f) * MathF.Cos(i / 5000f)).ToArray();
        Assert.Equal(before.Run(strip, [1, 1, 256, 300]), rewritten.Run(strip, [1, 1, 256, 300]));
    }
}
