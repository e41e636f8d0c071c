using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Training.Modeling;

namespace MusicMask.Training.Tests.Modeling;

public sealed class ColumnContextExportTests : IDisposable
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

        var fitted = ColumnContextExport.Write(model, Path.Combine(_folder, "data"), target, seed: 2, windowsPerCondition: 400);

        Assert.Equal(1, fitted.Own);
        Assert.True(float.IsFinite(fitted.Column) && float.IsFinite(fitted.Bias), $"fitted {fitted}");
        using var before = new StripScorer(model);
        using var after = new StripScorer(target);
        Assert.Equal(fitted, after.Context);
        var strip = Enumerable.Range(0, 256 * 300).Select(i => -60f + 30f * MathF.Sin(i / 37f) * MathF.Cos(i / 5000f)).ToArray();
        Assert.Equal(before.Run(strip, [1, 1, 256, 300]), after.Run(strip, [1, 1, 256, 300]));
        var error = Assert.Throws<ArgumentException>(() => ColumnContextExport.Write(target, Path.Combine(_folder, "data"), Path.Combine(_folder, "again.onnx"), seed: 2, windowsPerCondition: 400));
        Assert.Contains("already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelWithAPixelHeadIsRefusedRatherThanLosingIt()
    {
        MiniatureData.Write(Path.Combine(_folder, "data"));
        var model = Path.Combine(_folder, "head.onnx");
        File.WriteAllBytes(model, OnnxModelWriter.Write(NetworkWeights.Random(3) with { PixelHead = PixelHeadWeights.Random(3) }, "test"));

        var error = Assert.Throws<ArgumentException>(() => ColumnContextExport.Write(model, Path.Combine(_folder, "data"), Path.Combine(_folder, "out.onnx"), seed: 2, windowsPerCondition: 400));

        Assert.Contains("pixel head", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "out.onnx")));
    }
}
