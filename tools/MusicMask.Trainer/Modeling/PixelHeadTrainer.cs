using System.Diagnostics;
using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Training.Data;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Trains a <see cref="PixelHead"/> on the network of an exported model: each pixel's music logit against the music's
/// share of its power in strips of music, noise and mixtures (<see cref="PixelTargets"/>), a power-weighted
/// cross-entropy, with AdamW. The network stays fixed unless <see cref="TrainerOptions.PixelHeadTrainsNetwork"/>, so
/// the exported model scores windows exactly as the one it started from.
/// </summary>
public sealed class PixelHeadTrainer(TrainerOptions options, Action<string> log)
{
    private const int Bins = 256;

    public string HeadPath => Path.Combine(options.RunFolder, "pixel-head.bin");

    /// <summary>The network's weights beside the best head, when the network learns too.</summary>
    public string NetworkPath => Path.Combine(options.RunFolder, "pixel-network.bin");

    public void Run(string onnxPath, CancellationToken cancellationToken = default)
    {
        var initial = Check();
        var learning = options.PixelHeadTrainsNetwork;
        var windows = new Trainer(options, log);
        var train = new AudioLibrary(Path.Combine(options.DataFolder, "train"), options.Emphasis);
        train.EnsureMusicAndNoise();
        var validation = new AudioLibrary(Path.Combine(options.DataFolder, "validation"));
        validation.EnsureMusicAndNoise();
        Directory.CreateDirectory(options.RunFolder);
        File.Delete(HeadPath);
        File.Delete(NetworkPath);
        manual_seed(options.Seed);
        var weights = OnnxModelReader.ReadWeights(File.ReadAllBytes(initial));
        var trunk = new MusicMaskNet(width: NetworkWidth.Of(weights), dropout: 0);
        using (var strips = windows.CalibrationStrips(train))
        {
            trunk.LoadExported(weights, strips);
        }

        trunk.eval();
        var head = new PixelHead(weights.Features[0].OutChannels, weights.Hidden.OutChannels);
        var learned = learning ? head.parameters().Concat(trunk.parameters()) : head.parameters();
        using var optimizer = optim.AdamW(learned, options.LearningRate, weight_decay: options.WeightDecay * 100);
        var sampler = windows.Sampler(train, synthetic: true);
        var validationSampler = windows.Sampler(validation);
        var validationRandom = new Random(12345);
        var validationSet = Enumerable.Range(0, options.ValidationStripsPerKind).Select(_ => validationSampler.Next(validationRandom)).ToArray();
        log($"pixel head on the {(learning ? "learning" : "fixed")} network of {initial}: {head.parameters().Sum(p => p.numel())} parameters, AdamW at {options.LearningRate}; train: {train.Count("music")} music, {train.Count("noise")} noise, {train.Count("speech")} speech files; {validationSet.Length} validation strips");

        using var batches = new BatchStream<Strip[]>(
            random => Enumerable.Range(0, options.BatchSize).Select(_ => sampler.Next(random)).ToArray(),
            options.Seed,
            cancellationToken);
        var clock = Stopwatch.StartNew();
        var (step, best, losses, skipped) = (0, double.PositiveInfinity, new List<double>(), 0);
        var start = Validate(trunk, head, validationSet, sampler.Width);
        log($"start          val loss {start.Loss:F4}  weighted accuracy {start.Accuracy:P2}");
        while (clock.Elapsed.TotalMinutes < options.Minutes && (options.MaxSteps is not { } max || step < max))
        {
            var batch = batches.Take();
            using (var scope = NewDisposeScope())
            {
                head.train();
                trunk.train(learning);
                optimizer.zero_grad();
                var loss = Loss(trunk, head, batch, sampler.Width, learning).Loss;
                var value = loss.item<float>();
                if (float.IsFinite(value))
                {
                    losses.Add(value);
                    loss.backward();
                    optimizer.step();
                    if (learning && options.ZeroSumFirstLayer)
                    {
                        trunk.CentreFirstLayerKernels();
                    }
                }
                else
                {
                    skipped++;
                }
            }

            var last = clock.Elapsed.TotalMinutes >= options.Minutes || options.MaxSteps is { } limit && step + 1 >= limit;
            if (++step % options.StepsPerEpoch == 0 || last)
            {
                if (losses.Count == 0)
                {
                    throw new NotFiniteNumberException($"every loss of the {skipped} steps to step {step} was NaN or infinite, so the run stops (try a lower --learning-rate)");
                }

                var report = Validate(trunk, head, validationSet, sampler.Width);
                log($"step {step,6}  loss {losses.Average():F4}  val loss {report.Loss:F4}  weighted accuracy {report.Accuracy:P2}  {clock.Elapsed.TotalMinutes:F1} min{(skipped > 0 ? $"  ({skipped} non-finite steps skipped)" : "")}");
                (losses, skipped) = ([], 0);
                if (report.Loss < best)
                {
                    best = report.Loss;
                    head.save(HeadPath);
                    if (learning)
                    {
                        trunk.save(NetworkPath);
                    }
                }
            }
        }

        head.load(HeadPath);
        if (learning)
        {
            trunk.LoadCheckpoint(NetworkPath);
        }

        trunk.eval();
        var network = learning ? trunk.ToWeights() : weights;
        if (learning && (weights.ColumnContext is not null || weights.TimeContext is not null))
        {
            log($"{Path.GetFileName(initial)}'s contexts are not carried over: the network learned, so it needs its own");
        }
        File.WriteAllBytes(onnxPath, OnnxModelWriter.Write(network with { PixelHead = head.ToWeights() }, options.ModelVersion));
        log($"exported the head {(learning ? "and network " : "")}with the lowest validation loss ({best:F4}) on {Path.GetFileName(initial)}'s network to {onnxPath}");
    }

    /// <summary>The exported model to start from, after refusing what a pixel head cannot use.</summary>
    private string Check()
    {
        if (!options.PixelHead)
        {
            throw new ArgumentException("--pixel-head-trains-network goes with --pixel-head");
        }

        if (options.InitialWeights is not { } initial || !initial.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--pixel-head reads the features of an exported model: give it with --init MODEL.onnx");
        }

        if (options.CentreTargets || options.FreezeFeatures || options.Teacher is not null || options.SilenceGaps > 0 || options.SpectralMasks > 0 || options.Resume || options.SnapshotEverySteps is not null)
        {
            throw new ArgumentException("--pixel-head trains a head on a network's features: --centre-targets, --freeze-features, --teacher, --silence-gaps, --spectral-masks, --resume and --snapshot-every do not apply");
        }

        if (options.Optimizer != "adam" || options.Width != NetworkWidth.Contract)
        {
            throw new ArgumentException("--pixel-head trains with AdamW on the network of the model given with --init, whose width it keeps: --optimizer sgd, --maps and --hidden do not apply");
        }

        if (!(options.Minutes > 0) || options.MaxSteps is < 1 || !(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
        {
            throw new ArgumentException($"the time budget ({options.Minutes} min), the step budget ({options.MaxSteps}) and the learning rate ({options.LearningRate}) must be positive");
        }

        return initial;
    }

    private static (double Loss, double Accuracy) Validate(MusicMaskNet trunk, PixelHead head, Strip[] strips, int width)
    {
        head.eval();
        trunk.eval();
        using var noGrad = no_grad();
        var (loss, correct, total) = (0.0, 0.0, 0.0);
        foreach (var chunk in strips.Chunk(8))
        {
            using var scope = NewDisposeScope();
            var (value, logits, share, weight) = Loss(trunk, head, chunk, width);
            var weightSum = weight.sum().item<float>();
            loss += value.item<float>() * weightSum;
            correct += logits.gt(0).eq(share.gt(0.5f)).to_type(ScalarType.Float32).mul(weight).sum().item<float>();
            total += weightSum;
        }

        return (loss / total, correct / total);
    }

    private static (Tensor Loss, Tensor Logits, Tensor Share, Tensor Weight) Loss(MusicMaskNet trunk, PixelHead head, IReadOnlyList<Strip> strips, int width, bool learning = false)
    {
        var (x, share, weight) = ToTensors(strips, width);
        var logits = head.Logits(trunk.Taps(x, learning), Bins, width);
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, share, weight, reduction: nn.Reduction.Sum).div(weight.sum());
        return (loss, logits, share, weight);
    }

    /// <summary>
    /// The strips, their targets and their weights, the weights zero outside the frames between the first and the last
    /// window centre: there the dense layer's map is held flat, as in a long recording it is only at its two ends.
    /// </summary>
    private static (Tensor X, Tensor Share, Tensor Weight) ToTensors(IReadOnlyList<Strip> strips, int width)
    {
        var size = Bins * width;
        var (x, share, weight) = (new float[strips.Count * size], new float[strips.Count * size], new float[strips.Count * size]);
        var time = PixelHeadGeometry.Time(PixelHeadGeometry.Taps - 1);
        var (first, last) = ((int)Math.Ceiling(time.FirstCentre), (int)Math.Floor(time.FirstCentre + (width - WindowGrid.WindowWidth) / WindowGrid.Stride * WindowGrid.Stride));
        for (var i = 0; i < strips.Count; i++)
        {
            var pixels = strips[i].Pixels ?? throw new InvalidOperationException("a strip without pixel targets");
            strips[i].Decibels.CopyTo(x, i * size);
            pixels.MusicShare.CopyTo(share, i * size);
            for (var bin = 0; bin < Bins; bin++)
            {
                pixels.Weight.AsSpan(bin * width + first, last - first + 1).CopyTo(weight.AsSpan(i * size + bin * width + first));
            }
        }

        long[] shape = [strips.Count, 1, Bins, width];
        return (tensor(x, shape), tensor(share, shape), tensor(weight, shape));
    }
}
