using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public sealed class PixelHeadTrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-pixel-trainer-{Guid.NewGuid():N}");

    public PixelHeadTrainerTests() => OneThreadTorch.Prepare();

    /// <summary>The miniature data set and a network trained on it for a few steps, exported: the pixel head's starting model.</summary>
    private (TrainerOptions Options, string Model) Start()
    {
        MiniatureData.Write(_folder);
        var options = new TrainerOptions { DataFolder = _folder, RunFolder = Path.Combine(_folder, "network"), WindowColumns = 2, MaxSteps = 10, StepsPerEpoch = 5, BatchSize = 2, ValidationStripsPerKind = 2 };
        var network = new Trainer(options, _ => { });
        network.Run();
        var model = Path.Combine(_folder, "network.onnx");
        network.ExportBest(model);
        return (options with { RunFolder = Path.Combine(_folder, "pixels"), InitialWeights = model, PixelHead = true, Optimizer = "adam", MaxSteps = 60, StepsPerEpoch = 20, BatchSize = 4, LearningRate = 0.01, Seed = 5, ValidationStripsPerKind = 8 }, model);
    }

    [Fact]
    public void TheHeadLearnsPixelsWhileTheNetworkScoresWindowsAsBefore()
    {
        var (options, start) = Start();
        var lines = new List<string>();
        var exported = Path.Combine(_folder, "pixels.onnx");

        new PixelHeadTrainer(options, lines.Add).Run(exported);

        var losses = lines.Where(l => l.Contains("val loss", StringComparison.Ordinal)).Select(ValidationLoss).ToArray();
        Assert.True(losses.Length == 4 && Math.Abs(losses[0] - Math.Log(2)) < 1e-3 && losses[1..].Min() < 0.95 * Math.Log(2), string.Join("\n", lines));
        using var before = new StripScorer(start);
        using var after = new StripScorer(exported);
        Assert.True(after.HasPixelHead);
        var strip = Enumerable.Range(0, 256 * 304).Select(i => -60f + 30f * MathF.Sin(i / 37f) * MathF.Cos(i / 5000f)).ToArray();
        var windows = before.Run(strip, [1, 1, 256, 304]);
        var windowsWithHead = after.Run(strip, [1, 1, 256, 304]);
        Assert.Equal(windows.Length, windowsWithHead.Length);
        Assert.True(windows.Zip(windowsWithHead, (a, b) => Math.Abs(a - b)).Max() < 1e-6, "the head changed the window scores");
        Assert.Equal(256 * 304, after.PixelProbabilities(strip, 304).Length);
    }

    [Fact]
    public void ANetworkLearningFromThePixelLossExportsWithItsBestHead()
    {
        var (options, start) = Start();
        var exported = Path.Combine(_folder, "pixels-network.onnx");
        var trainer = new PixelHeadTrainer(options with { PixelHeadTrainsNetwork = true, MaxSteps = 40 }, _ => { });

        trainer.Run(exported);

        var network = new MusicMaskNet(dropout: 0);
        network.LoadCheckpoint(trainer.NetworkPath);
        network.eval();
        var head = new PixelHead(NetworkWeights.Channels, NetworkWeights.DefaultHidden);
        head.load(trainer.HeadPath);
        var strip = Enumerable.Range(0, 256 * 304).Select(i => -60f + 30f * MathF.Sin(i / 37f) * MathF.Cos(i / 5000f)).ToArray();
        var input = tensor(strip, [1, 1, 256, 304]);
        float[] pixels;
        using (no_grad())
        {
            pixels = head.Logits(network.Taps(input), 256, 304).sigmoid().contiguous().data<float>().ToArray();
        }

        using var before = new StripScorer(start);
        using var after = new StripScorer(exported);
        var windows = after.Run(strip, [1, 1, 256, 304]);
        Assert.NotEqual(before.Run(strip, [1, 1, 256, 304]), windows);
        Assert.True(network.MusicProbabilities(input).Zip(windows, (a, b) => Math.Abs(a - b)).Max() < 1e-5, "the exported windows are not the best checkpoint's");
        Assert.True(pixels.Zip(after.PixelProbabilities(strip, 304), (a, b) => Math.Abs(a - b)).Max() < 1e-5, "the exported head is not the best checkpoint's");
    }

    [Fact]
    public void RefusesAStartThatIsNotAnExportAndOptionsThatTrainWindowsBeforeTouchingTheRunFolder()
    {
        // Refused before anything is read, so the model and the data need not exist.
        var options = new TrainerOptions { DataFolder = _folder, RunFolder = Path.Combine(_folder, "pixels"), InitialWeights = Path.Combine(_folder, "network.onnx"), PixelHead = true, Optimizer = "adam" };

        var checkpoint = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { InitialWeights = Path.Combine(_folder, "network", "best.bin") }, _ => { }).Run("unused.onnx"));
        var centre = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { CentreTargets = true }, _ => { }).Run("unused.onnx"));
        var network = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { PixelHead = false, PixelHeadTrainsNetwork = true }, _ => { }).Run("unused.onnx"));
        var resume = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { Resume = true }, _ => { }).Run("unused.onnx"));
        var masks = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { SpectralMasks = 0.5 }, _ => { }).Run("unused.onnx"));
        var rate = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { LearningRate = 0 }, _ => { }).Run("unused.onnx"));
        var sgd = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { Optimizer = "sgd" }, _ => { }).Run("unused.onnx"));
        var wider = Assert.Throws<ArgumentException>(() => new PixelHeadTrainer(options with { Width = new NetworkWidth(48, NetworkWidth.Contract.Hidden) }, _ => { }).Run("unused.onnx"));

        Assert.Contains("--init MODEL.onnx", checkpoint.Message);
        Assert.Contains("--centre-targets", centre.Message);
        Assert.Contains("goes with --pixel-head", network.Message);
        Assert.Contains("--resume", resume.Message);
        Assert.Contains("--spectral-masks", masks.Message);
        Assert.Contains("learning rate (0)", rate.Message);
        Assert.Contains("--optimizer sgd", sgd.Message);
        Assert.Contains("--maps", wider.Message);
        Assert.False(Directory.Exists(options.RunFolder));
    }

    private static double ValidationLoss(string line)
    {
        var after = line[(line.IndexOf("val loss", StringComparison.Ordinal) + "val loss".Length)..].TrimStart();
        return double.Parse(after[..after.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
