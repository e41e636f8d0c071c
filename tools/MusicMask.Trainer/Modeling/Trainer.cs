using System.Diagnostics;
using System.Text.Json;
using MusicMask.Evaluation;
using MusicMask.Models;
using MusicMask.Segmentation;
using MusicMask.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>Trains <see cref="MusicMaskNet"/> on strips, fully convolutionally, with SGD and momentum.</summary>
public sealed class Trainer(TrainerOptions options, Action<string> log)
{
    private const int Bins = 256;
    private const int CalibrationStripCount = 48;

    public sealed record Checkpoint(int Step, double Seconds, double BestScore, double LastLoss);

    public sealed record EpochReport(int Epoch, int Step, double Loss, double AucClean, double AucZeroDb, double AucMinus10Db, double Seconds)
    {
        /// <summary>What checkpoints are chosen by: the sum of the three validation AUCs.</summary>
        public double Score => AucClean + AucZeroDb + AucMinus10Db;
    }

    public string CheckpointPath => Path.Combine(options.RunFolder, "checkpoint.bin");

    public string BestPath => Path.Combine(options.RunFolder, "best.bin");

    /// <summary>The starting weights of a run begun from an exported model, so blends can reach back to them.</summary>
    public string InitialPath => Path.Combine(options.RunFolder, "init.bin");

    public string StatePath => Path.Combine(options.RunFolder, "checkpoint.json");

    /// <summary>Trains until the time or step budget is spent; returns the per-epoch reports.</summary>
    public IReadOnlyList<EpochReport> Run(CancellationToken cancellationToken = default)
    {
        if (options.SnapshotEverySteps is { } every && (every <= 0 || every % options.StepsPerEpoch != 0))
        {
            throw new ArgumentException($"snapshots are taken at epoch ends, so their spacing must be a positive multiple of {options.StepsPerEpoch} steps, not {every}");
        }

        if (options.CentreTargets && options.SilenceGaps > 0)
        {
            throw new ArgumentException("--centre-targets labels a strip's sound before --silence-gaps would cut into it: use one or the other");
        }

        if (options.FreezeFeatures && options.InitialWeights is null && !options.Resume)
        {
            throw new ArgumentException("--freeze-features keeps the starting model's convolutions: give that model with --init");
        }

        if (!(options.Minutes > 0) || options.MaxSteps is < 1 || !(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
        {
            throw new ArgumentException($"the time budget ({options.Minutes} min), the step budget ({options.MaxSteps}) and the learning rate ({options.LearningRate}) must be positive");
        }

        var train = new AudioLibrary(Path.Combine(options.DataFolder, "train"), options.Emphasis);
        train.EnsureMusicAndNoise();
        if (options.SungMusic > 0 && train.Count("sung") == 0)
        {
            throw new InvalidDataException($"--sung-music needs sung WAV files in {Path.Combine(options.DataFolder, "train", "sung")}: make them with scripts/make-singing.sh");
        }

        Directory.CreateDirectory(options.RunFolder);
        torch.random.manual_seed(options.Seed);
        var model = NewModel();
        var state = new Checkpoint(0, 0, double.NegativeInfinity, double.NaN);
        if (options.Resume && File.Exists(CheckpointPath) && File.Exists(StatePath))
        {
            model.LoadCheckpoint(CheckpointPath);
            state = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(StatePath))!;
            log($"resumed at step {state.Step} ({state.Seconds / 60:F1} min trained)");
        }
        else if (options.InitialWeights is { } initial && IsExportedModel(initial))
        {
            var weights = OnnxModelReader.ReadWeights(File.ReadAllBytes(initial));
            using (var strips = CalibrationStrips(train))
            {
                model.LoadExported(weights, strips);
            }

            model.save(InitialPath);
            log($"started from the exported model {initial} (batch norms set to the identity on {CalibrationStripCount} training strips)");
            if (weights.ColumnContext is not null || weights.TimeContext is not null)
            {
                log("its contexts are not carried over: the trained network needs its own (musicmask-train context, then time-context, on the export)");
            }
        }
        else if (options.InitialWeights is { } checkpoint)
        {
            model.LoadCheckpoint(checkpoint);
            log($"started from the weights in {checkpoint}");
        }

        // Frozen convolutions stay exactly the starting model's, so the projection is left out with them.
        var projectFirstLayer = options.ZeroSumFirstLayer && !options.FreezeFeatures;
        if (projectFirstLayer)
        {
            model.CentreFirstLayerKernels();
        }

        if (options.FreezeFeatures)
        {
            model.FreezeFeatures();
        }

        using var teacher = options.Teacher is { } teacherPath ? LoadTeacher(teacherPath, train) : null;
        log($"strip levels {options.LevelDbfs.Lowest:F0} to {options.LevelDbfs.Highest:F0} dBFS; first-layer kernels {(options.ZeroSumFirstLayer ? "kept zero-sum" : "unconstrained")}; {options.Width}, dropout {options.Dropout}; mixture windows labelled music down to {options.InaudibleMusicDecibels:F0} dB under the noise; silence cut into {options.SilenceGaps:P0} of strips; machine hum in {options.MachineHum:P0} of training noise strips; synthetic melodies in {options.SyntheticMusic:P0} of training music; sung music in {options.SungMusic:P0} of it; steady tones in {options.SteadyTones:P0} of training noise strips; one talker in {options.SingleVoices:P0} of training speech strips; {options.Reverb:P0} of training sources reverberated; band and time masks in {options.SpectralMasks:P0} of training strips; {EmphasisSummary(train)}; windows labelled {(options.CentreTargets ? "by the audible music of their central cells" : "by what was mixed in")}; {(options.FreezeFeatures ? "convolutions frozen" : "every layer learns")}");
        var validation = new AudioLibrary(Path.Combine(options.DataFolder, "validation"));
        validation.EnsureMusicAndNoise();
        log($"train: {train.Count("music")} music ({train.Seconds("music") / 60:F0} min), {train.Count("sung")} sung ({train.Seconds("sung") / 60:F0} min), {train.Count("noise")} noise ({train.Seconds("noise") / 60:F0} min), {train.Count("speech")} speech ({train.Seconds("speech") / 60:F0} min)");
        var validationSet = ValidationSet(Sampler(validation));
        if (options.Resume && File.Exists(BestPath))
        {
            // A stored score is only comparable on the validation set it was measured on, which may have changed.
            var best = NewModel();
            best.LoadCheckpoint(BestPath);
            state = state with { BestScore = Evaluate(best, validationSet, 0, state.Step, double.NaN, state.Seconds).Score };
            log($"best checkpoint re-scored on this validation set: {state.BestScore:F4}");
        }
        else if (state.Step == 0 && options.InitialWeights is not null)
        {
            // The starting weights on the same strips: the yardstick the run's own epochs are read against.
            var start = Evaluate(model, validationSet, 0, 0, double.NaN, 0);
            log($"start          val AUC clean {start.AucClean:F4}  0 dB {start.AucZeroDb:F4}  -10 dB {start.AucMinus10Db:F4}");
        }

        var learned = model.parameters().Where(parameter => parameter.requires_grad).ToList();
        optim.Optimizer optimizer = options.Optimizer == "adam"
            ? torch.optim.AdamW(learned, options.LearningRate, weight_decay: options.WeightDecay * 100)
            : torch.optim.SGD(learned, options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay);
        var sampler = Sampler(train, synthetic: true);
        using var batches = new BatchStream<(Tensor X, Tensor Y)>(
            random => ToTensors(Enumerable.Range(0, options.BatchSize).Select(_ => sampler.Next(random)).ToArray(), sampler),
            options.Seed + state.Step,
            cancellationToken);

        var reports = new List<EpochReport>();
        var budget = options.Minutes * 60;
        var clock = Stopwatch.StartNew();
        var secondsBefore = state.Seconds;
        var step = state.Step;
        var losses = new List<double>();
        var skipped = 0;
        while (true)
        {
            var seconds = secondsBefore + clock.Elapsed.TotalSeconds;
            if (seconds >= budget || (options.MaxSteps is { } max && step >= max))
            {
                break;
            }

            SetLearningRate(optimizer, LearningRate(step, seconds / budget));
            var (x, y) = batches.Take();
            using (var scope = NewDisposeScope())
            {
                model.train();
                optimizer.zero_grad();
                var logits = model.call(x);
                var loss = teacher is null
                    ? nn.functional.cross_entropy(logits, y, ignore_index: StripSampler.Ignore)
                    : DistillationLoss.Compute(logits, TeacherLogits(teacher, x), y, options.TeacherWeight);
                var value = loss.item<float>();
                if (float.IsFinite(value))
                {
                    loss.backward();
                    optimizer.step();
                    if (projectFirstLayer)
                    {
                        model.CentreFirstLayerKernels();
                    }

                    losses.Add(value);
                }
                else
                {
                    skipped++;
                }
            }

            x.Dispose();
            y.Dispose();
            step++;
            if (step % options.StepsPerEpoch == 0 || (options.MaxSteps is { } last && step >= last))
            {
                if (losses.Count == 0)
                {
                    throw Diverged($"every loss of the {skipped} steps to step {step} was NaN or infinite");
                }

                var report = Evaluate(model, validationSet, reports.Count + 1, step, losses.Average(), secondsBefore + clock.Elapsed.TotalSeconds);
                reports.Add(report);
                var skippedNote = skipped > 0 ? $"  ({skipped} steps with a NaN or infinite loss skipped)" : "";
                log($"epoch {report.Epoch,3}  step {step,6}  loss {report.Loss:F4}  val AUC clean {report.AucClean:F4}  0 dB {report.AucZeroDb:F4}  -10 dB {report.AucMinus10Db:F4}  {report.Seconds / 60:F1} min{skippedNote}");
                model.save(CheckpointPath);
                if (options.SnapshotEverySteps is { } spacing && step % spacing == 0)
                {
                    model.save(Path.Combine(options.RunFolder, $"snapshot-{step}.bin"));
                }

                if (report.Score > state.BestScore)
                {
                    model.save(BestPath);
                    state = state with { BestScore = report.Score };
                }

                state = state with { Step = step, Seconds = report.Seconds, LastLoss = report.Loss };
                File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
                losses.Clear();
                skipped = 0;
            }
        }

        return reports;
    }

    private MusicMaskNet NewModel() => new(width: options.Width, dropout: options.Dropout);

    /// <summary>
    /// The checkpoint <see cref="ExportBest"/> writes: the best by validation score, except for a run on centre
    /// targets, whose validation strips are labelled by what was mixed in, which it is not trained to tell: its last.
    /// </summary>
    public string ExportedCheckpointPath => options.CentreTargets || !File.Exists(BestPath) ? CheckpointPath : BestPath;

    /// <summary>Loads <see cref="ExportedCheckpointPath"/> and writes it as the strip-contract ONNX model.</summary>
    public NetworkWeights ExportBest(string onnxPath, double? decisionThreshold = null)
    {
        var model = NewModel();
        model.LoadCheckpoint(ExportedCheckpointPath);
        return Export(model, onnxPath, options.ModelVersion, decisionThreshold);
    }

    /// <summary>
    /// Writes <paramref name="model"/> (dropout off, batch norm folded) as the strip-contract ONNX model, with its
    /// decision moved so that <paramref name="decisionThreshold"/>, when given, becomes the mask's 0.5.
    /// </summary>
    public static NetworkWeights Export(MusicMaskNet model, string onnxPath, string modelVersion, double? decisionThreshold = null)
    {
        model.eval();
        var weights = decisionThreshold is { } threshold ? model.ToWeights().WithDecisionThreshold(threshold) : model.ToWeights();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!);
        File.WriteAllBytes(onnxPath, OnnxModelWriter.Write(weights, modelVersion));
        return weights;
    }

    /// <summary>The exported teacher as a network of its own width, in eval mode (exactly the export).</summary>
    private MusicMaskNet LoadTeacher(string path, AudioLibrary train)
    {
        var weights = OnnxModelReader.ReadWeights(File.ReadAllBytes(path));
        using var strips = CalibrationStrips(train);
        var teacher = MusicMaskNet.FromExport(weights, strips);
        log($"distilling from {path} ({NetworkWidth.Of(weights)}), teacher share {options.TeacherWeight:F2} of the loss");
        return teacher;
    }

    private static Tensor TeacherLogits(MusicMaskNet teacher, Tensor x)
    {
        using var noGrad = no_grad();
        return teacher.call(x);
    }

    private static bool IsExportedModel(string path) => Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Training strips, drawn apart from the training stream, whose statistics set the imported batch norms.</summary>
    internal Tensor CalibrationStrips(AudioLibrary train)
    {
        var sampler = Sampler(train);
        var random = new Random(options.Seed - 1);
        return ToTensors(Enumerable.Range(0, CalibrationStripCount).Select(_ => sampler.Next(random)).ToArray(), sampler).X;
    }

    private string EmphasisSummary(AudioLibrary train)
    {
        if (options.Emphasis is not { } emphasis)
        {
            return "clips drawn by the square root of their length alone";
        }

        var clips = AudioLibrary.Classes.SelectMany(train.Clips).ToList();
        return $"{clips.Count(clip => emphasis.Covers(clip.Path))} of {clips.Count} train clips surveyed, drawn 1 + {emphasis.Strength} x their error share as often";
    }

    /// <summary>
    /// Strips as the options ask; the synthetic sources and the labelling depth only where <paramref name="synthetic"/>
    /// (training), so validation scores stay comparable across runs.
    /// </summary>
    internal StripSampler Sampler(AudioLibrary library, bool synthetic = false) => new(library, options.WindowColumns)
    {
        LevelDbfs = options.LevelDbfs,
        SilenceGaps = options.SilenceGaps,
        MachineHum = synthetic ? options.MachineHum : 0,
        SyntheticMusic = synthetic ? options.SyntheticMusic : 0,
        SungMusic = synthetic ? options.SungMusic : 0,
        SteadyTones = synthetic ? options.SteadyTones : 0,
        SingleVoices = synthetic ? options.SingleVoices : 0,
        Reverb = synthetic ? options.Reverb : 0,
        SpectralMasks = synthetic ? options.SpectralMasks : 0,
        InaudibleMusicDecibels = synthetic ? options.InaudibleMusicDecibels : StripSampler.DefaultInaudibleMusicDecibels,
        CentreTargets = synthetic && options.CentreTargets,
        PixelTargets = options.PixelHead,
    };

    private double LearningRate(int step, double progress)
    {
        var warmup = Math.Min(1.0, (step + 1) / 100.0);
        var cosine = 0.05 + 0.95 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress)));
        return options.LearningRate * warmup * cosine;
    }

    private static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    public static (Tensor X, Tensor Y) ToTensors(IReadOnlyList<Strip> strips, StripSampler sampler)
    {
        var x = new float[strips.Count * Bins * sampler.Width];
        var y = new long[strips.Count * WindowGrid.BandPositions * sampler.WindowColumns];
        for (var i = 0; i < strips.Count; i++)
        {
            strips[i].Decibels.CopyTo(x, i * Bins * sampler.Width);
            strips[i].Targets.CopyTo(y, i * strips[i].Targets.Length);
        }

        return (tensor(x, [strips.Count, 1, Bins, sampler.Width]), tensor(y, [strips.Count, WindowGrid.BandPositions, sampler.WindowColumns]));
    }

    private (Strip[] Music, Strip[] Noise, Strip[] ZeroDb, Strip[] Minus10Db, StripSampler Sampler) ValidationSet(StripSampler sampler)
    {
        var random = new Random(12345);
        Strip[] Make(StripKind kind, double? snr = null) =>
            Enumerable.Range(0, options.ValidationStripsPerKind).Select(_ => sampler.Next(random, kind, snr)).ToArray();
        return (Make(StripKind.Music), Make(StripKind.Noise), Make(StripKind.Mixture, 0), Make(StripKind.Mixture, -10), sampler);
    }

    private static EpochReport Evaluate(
        MusicMaskNet model,
        (Strip[] Music, Strip[] Noise, Strip[] ZeroDb, Strip[] Minus10Db, StripSampler Sampler) set,
        int epoch,
        int step,
        double loss,
        double seconds)
    {
        model.eval();
        var noise = MusicProbabilities(model, set.Noise, set.Sampler);
        double Auc(Strip[] positives)
        {
            var music = MusicProbabilities(model, positives, set.Sampler);
            var scores = music.Concat(noise).ToArray();
            if (scores.Any(float.IsNaN))
            {
                throw Diverged($"the network's validation outputs at step {step} are NaN");
            }

            var labels = music.Select(_ => true).Concat(noise.Select(_ => false)).ToArray();
            return RocCurve.Compute(scores, labels).Auc;
        }

        return new EpochReport(epoch, step, loss, Auc(set.Music), Auc(set.ZeroDb), Auc(set.Minus10Db), seconds);
    }

    private static NotFiniteNumberException Diverged(string what) =>
        new($"{what}, so the run stops: its weights diverged (try a lower --learning-rate)");

    /// <summary>p(music) of every labelled (non-silent) window of the strips.</summary>
    public static List<float> MusicProbabilities(MusicMaskNet model, IReadOnlyList<Strip> strips, StripSampler sampler)
    {
        var result = new List<float>();
        for (var start = 0; start < strips.Count; start += 8)
        {
            using var scope = NewDisposeScope();
            var chunk = strips.Skip(start).Take(8).ToArray();
            var (x, _) = ToTensors(chunk, sampler);
            var probabilities = model.MusicProbabilities(x);
            var targets = chunk.SelectMany(s => s.Targets).ToArray();
            result.AddRange(probabilities.Where((_, i) => targets[i] != StripSampler.Ignore));
        }

        return result;
    }
}
