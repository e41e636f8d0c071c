using System.Collections.Concurrent;
using System.Diagnostics;
using MusicMask.Models;
using MusicMask.Training.Data;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Trains a <see cref="PixelHead"/> on the fixed network of an exported model: each pixel's music logit against the
/// music's share of its power in strips of music, noise and mixtures (<see cref="PixelTargets"/>), a power-weighted
/// cross-entropy, with AdamW. The network's own output is untouched, so the exported model scores windows exactly
/// as the one it started from.
/// </summary>
public sealed class PixelHeadTrainer(TrainerOptions options, Action<string> log)
{
    private const int Bins = 256;
    private const int ValidationStrips = 96;

    public string HeadPath => Path.Combine(options.RunFolder, "pixel-head.bin");

    /// <summary>The network's weights beside the best head, when the network learns too.</summary>
    public string NetworkPath => Path.Combine(options.RunFolder, "pixel-network.bin");

    public void Run(string onnxPath, CancellationToken cancellationToken = default)
    {
        if (options.InitialWeights is not { } initial || !initial.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--pixel-head reads the features of an exported model: give it with --init MODEL.onnx");
        }

        if (options.PixelHeadTrainsNetwork && !options.PixelHead)
        {
            throw new ArgumentException("--pixel-head-trains-network goes with --pixel-head");
        }

        if (options.CentreTargets || options.FreezeFeatures || options.Teacher is not null || options.SilenceGaps > 0)
        {
            throw new ArgumentException("--pixel-head trains only the head on fixed features: --centre-targets, --freeze-features, --teacher and --silence-gaps do not apply");
        }

        var windows = new Trainer(options, log);
        var train = new AudioLibrary(Path.Combine(options.DataFolder, "train"), options.Emphasis);
        train.EnsureMusicAndNoise();
        var validation = new AudioLibrary(Path.Combine(options.DataFolder, "validation"));
        validation.EnsureMusicAndNoise();
        Directory.CreateDirectory(options.RunFolder);
        manual_seed(options.Seed);
        var weights = OnnxModelReader.ReadWeights(File.ReadAllBytes(initial));
        var learning = options.PixelHeadTrainsNetwork;
        var trunk = new MusicMaskNet(width: NetworkWidth.Of(weights), dropout: 0);
        using (var strips = windows.CalibrationStrips(train))
        {
            trunk.LoadExported(weights, strips);
        }

        trunk.eval();
        var head = new PixelHead(weights.Features[0].OutChannels, weights.Hidden.OutChannels);
        var learned = learning ? head.parameters().Concat(trunk.parameters()) : head.parameters();
        using var optimizer = optim.AdamW(learned, options.LearningRate, weight_decay: options.WeightDecay);
        var sampler = windows.Sampler(train, synthetic: true);
        var validationSampler = windows.Sampler(validation);
        var validationRandom = new Random(12345);
        var validationSet = Enumerable.Range(0, ValidationStrips).Select(_ => validationSampler.Next(validationRandom)).ToArray();
        log($"pixel head on the {(learning ? "learning" : "fixed")} network of {initial}: {head.parameters().Sum(p => p.numel())} parameters, AdamW at {options.LearningRate}; train: {train.Count("music")} music, {train.Count("noise")} noise, {train.Count("speech")} speech files; {ValidationStrips} validation strips");

        using var batches = new BlockingCollection<Strip[]>(boundedCapacity: 4);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() =>
        {
            var random = new Random(options.Seed);
            while (!stop.Token.IsCancellationRequested)
            {
                batches.Add(Enumerable.Range(0, options.BatchSize).Select(_ => sampler.Next(random)).ToArray(), stop.Token);
            }
        });

        var clock = Stopwatch.StartNew();
        var (step, best, losses) = (0, double.PositiveInfinity, new List<double>());
        var start = Validate(trunk, head, validationSet, sampler.Width);
        log($"start          val loss {start.Loss:F4}  weighted accuracy {start.Accuracy:P2}");
        try
        {
            while (clock.Elapsed.TotalMinutes < options.Minutes && (options.MaxSteps is not { } max || step < max))
            {
                var batch = batches.Take(stop.Token);
                using (var scope = NewDisposeScope())
                {
                    head.train();
                    trunk.train(learning);
                    optimizer.zero_grad();
                    var loss = Loss(trunk, head, batch, sampler.Width, learning).Loss;
                    losses.Add(loss.item<float>());
                    loss.backward();
                    optimizer.step();
                    if (learning && options.ZeroSumFirstLayer)
                    {
                        trunk.CentreFirstLayerKernels();
                    }
                }

                if (++step % options.StepsPerEpoch == 0)
                {
                    var report = Validate(trunk, head, validationSet, sampler.Width);
                    log($"step {step,6}  loss {losses.Average():F4}  val loss {report.Loss:F4}  weighted accuracy {report.Accuracy:P2}  {clock.Elapsed.TotalMinutes:F1} min");
                    losses.Clear();
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
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
        }

        if (File.Exists(HeadPath))
        {
            head.load(HeadPath);
            if (learning)
            {
                trunk.LoadCheckpoint(NetworkPath);
            }
        }

        trunk.eval();
        var network = learning ? trunk.ToWeights() : weights;
        File.WriteAllBytes(onnxPath, OnnxModelWriter.Write(network with { PixelHead = head.ToWeights() }, options.ModelVersion));
        log($"exported {(File.Exists(HeadPath) ? "the head with the lowest validation loss" : "the last head")} on {Path.GetFileName(initial)}'s network to {onnxPath}");
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
        var taps = trunk.Taps(x, learning);
        var logits = head.Logits(taps, Bins, width);
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, share, weight, reduction: nn.Reduction.Sum).div(weight.sum());
        return (loss, logits, share, weight);
    }

    private static (Tensor X, Tensor Share, Tensor Weight) ToTensors(IReadOnlyList<Strip> strips, int width)
    {
        var size = Bins * width;
        var (x, share, weight) = (new float[strips.Count * size], new float[strips.Count * size], new float[strips.Count * size]);
        for (var i = 0; i < strips.Count; i++)
        {
            var pixels = strips[i].Pixels ?? throw new InvalidOperationException("a strip without pixel targets");
            strips[i].Decibels.CopyTo(x, i * size);
            pixels.MusicShare.CopyTo(share, i * size);
            pixels.Weight.CopyTo(weight, i * size);
        }

        long[] shape = [strips.Count, 1, Bins, width];
        return (tensor(x, shape), tensor(share, shape), tensor(weight, shape));
    }
}
