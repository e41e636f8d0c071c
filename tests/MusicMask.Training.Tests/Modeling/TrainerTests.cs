using System.Text.Json;
using MusicMask.Training.Data;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;

namespace MusicMask.Training.Tests.Modeling;

public sealed class TrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-trainer-{Guid.NewGuid():N}");

    public TrainerTests() => OneThreadTorch.Prepare();

    /// <summary>Makes the miniature data set and options for a run of a few steps on it.</summary>
    private TrainerOptions SmallRun()
    {
        MiniatureData.Write(_folder);
        return new TrainerOptions { DataFolder = _folder, RunFolder = Path.Combine(_folder, "run"), WindowColumns = 2 };
    }

    [Theory]
    [InlineData(0.0, 10, 0.01)]
    [InlineData(double.NaN, 10, 0.01)]
    [InlineData(5.0, 0, 0.01)]
    [InlineData(5.0, 10, -0.01)]
    [InlineData(5.0, 10, double.NaN)]
    public void RefusesBudgetsAndRatesThatCannotTrainBeforeTouchingTheRunFolder(double minutes, int steps, double rate)
    {
        var options = SmallRun() with { Minutes = minutes, MaxSteps = steps, LearningRate = rate };

        var error = Assert.Throws<ArgumentException>(() => new Trainer(options, _ => { }).Run());

        Assert.Contains("must be positive", error.Message);
        Assert.False(Directory.Exists(options.RunFolder));
    }

    [Fact]
    public void RefusesCentreTargetsWithSilenceGapsAndFrozenFeaturesWithoutAStartingModel()
    {
        var options = SmallRun() with { MaxSteps = 10 };

        var gaps = Assert.Throws<ArgumentException>(() => new Trainer(options with { CentreTargets = true, SilenceGaps = 0.1 }, _ => { }).Run());
        var frozen = Assert.Throws<ArgumentException>(() => new Trainer(options with { FreezeFeatures = true }, _ => { }).Run());

        Assert.Contains("--silence-gaps", gaps.Message);
        Assert.Contains("--init", frozen.Message);
        Assert.False(Directory.Exists(options.RunFolder));
    }

    [Fact]
    public void ARunOnCentreTargetsExportsItsLastCheckpointNotTheBestByWindowScore()
    {
        var options = SmallRun() with { MaxSteps = 40, StepsPerEpoch = 20, BatchSize = 4, LearningRate = 0.01, ValidationStripsPerKind = 4, Seed = 4 };
        var plain = new Trainer(options, _ => { });
        var centre = new Trainer(options with { CentreTargets = true, RunFolder = Path.Combine(_folder, "centre") }, _ => { });

        plain.Run();
        centre.Run();

        Assert.Equal(plain.BestPath, plain.ExportedCheckpointPath);
        Assert.Equal(centre.CheckpointPath, centre.ExportedCheckpointPath);
    }

    [Fact]
    public void ARunWhoseWeightsDivergeStopsSayingSo()
    {
        var options = SmallRun() with { MaxSteps = 40, StepsPerEpoch = 10, BatchSize = 2, LearningRate = 1e8, ValidationStripsPerKind = 2 };

        var error = Assert.Throws<NotFiniteNumberException>(() => new Trainer(options, _ => { }).Run());

        Assert.Matches("^(the network's validation outputs|every loss of the 10 steps) .* its weights diverged \\(try a lower --learning-rate\\)$", error.Message);
    }

    [Fact]
    public void SungMusicWithoutSungClipsIsAnErrorThatNamesTheFolderAndTheScript()
    {
        var options = SmallRun() with { SungMusic = 0.3, MaxSteps = 5 };

        var error = Assert.Throws<InvalidDataException>(() => new Trainer(options, _ => { }).Run());

        Assert.Equal($"--sung-music needs sung WAV files in {Path.Combine(_folder, "train", "sung")}: make them with scripts/make-singing.sh", error.Message);
        Assert.False(Directory.Exists(options.RunFolder));
    }

    [Fact]
    public void AMissingDataFolderIsAnErrorThatNamesItAndTheScript()
    {
        var options = new TrainerOptions { DataFolder = Path.Combine(_folder, "nowhere"), RunFolder = Path.Combine(_folder, "run"), MaxSteps = 5 };

        var error = Assert.Throws<InvalidDataException>(() => new Trainer(options, _ => { }).Run());

        Assert.Equal($"no music WAV files in {Path.Combine(_folder, "nowhere", "train", "music")}: make the data folder with scripts/prepare-data.sh", error.Message);
        Assert.False(Directory.Exists(options.RunFolder));
    }

    [Fact]
    public void LossFallsAndTheBestCheckpointExports()
    {
        var options = SmallRun() with { MaxSteps = 60, StepsPerEpoch = 20, BatchSize = 8, LearningRate = 0.01, ValidationStripsPerKind = 4, Seed = 3 };
        var lines = new List<string>();
        var trainer = new Trainer(options, lines.Add);

        var reports = trainer.Run();

        Assert.Equal(3, reports.Count);
        Assert.True(reports[^1].Loss < reports[0].Loss, string.Join("\n", lines));
        Assert.Contains(lines, l => l.Contains("val AUC clean", StringComparison.Ordinal));
        var model = Path.Combine(_folder, "model.onnx");
        trainer.ExportBest(model);
        using var scorer = new MusicMask.Scoring.StripScorer(model);
        Assert.Equal("musicmask-v1", scorer.Parameters.Version);
    }

    [Fact]
    public void ResumingContinuesFromTheSavedStep()
    {
        var options = SmallRun() with { MaxSteps = 20, StepsPerEpoch = 5, BatchSize = 2, ValidationStripsPerKind = 2, SnapshotEverySteps = 10 };
        Assert.Throws<ArgumentException>(() => new Trainer(options with { SnapshotEverySteps = 7 }, _ => { }).Run());
        var first = new Trainer(options, _ => { }).Run();
        // A score no validation set can give (three AUCs sum to at most 3, give or take rounding) must not survive the resume.
        var statePath = Path.Combine(options.RunFolder, "checkpoint.json");
        var saved = JsonSerializer.Deserialize<Trainer.Checkpoint>(File.ReadAllText(statePath))!;
        File.WriteAllText(statePath, JsonSerializer.Serialize(saved with { BestScore = 1000 }));
        var lines = new List<string>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var reports = new Trainer(options with { MaxSteps = 40, Resume = true }, lines.Add).Run();
        wall.Stop();

        Assert.Contains(lines, l => l.StartsWith("resumed at step 20", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("best checkpoint re-scored", StringComparison.Ordinal));
        Assert.InRange(JsonSerializer.Deserialize<Trainer.Checkpoint>(File.ReadAllText(statePath))!.BestScore, 0, 3 + 1e-9);
        Assert.Equal([25, 30, 35, 40], reports.Select(r => r.Step));
        var snapshots = Directory.GetFiles(options.RunFolder, "snapshot-*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["snapshot-10.bin", "snapshot-20.bin", "snapshot-30.bin", "snapshot-40.bin"], snapshots);
        var trainedBefore = first[^1].Seconds;
        Assert.True(reports[^1].Seconds - trainedBefore <= wall.Elapsed.TotalSeconds + 0.5, $"time budget counted {reports[^1].Seconds - trainedBefore:F1} s for {wall.Elapsed.TotalSeconds:F1} s of training");
    }

    [Fact]
    public void ARunStartsFromAnExportedModelAndKeepsItsStartingWeights()
    {
        var options = SmallRun() with { MaxSteps = 10, StepsPerEpoch = 5, BatchSize = 2, ValidationStripsPerKind = 2 };
        var first = new Trainer(options, _ => { });
        first.Run();
        var exported = Path.Combine(_folder, "first.onnx");
        var weights = first.ExportBest(exported);

        var lines = new List<string>();
        var second = new Trainer(options with { RunFolder = Path.Combine(_folder, "second"), InitialWeights = exported }, lines.Add);
        var reports = second.Run();

        Assert.Contains(lines, l => l.StartsWith("started from the exported model", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("start          val AUC clean ", StringComparison.Ordinal));
        Assert.Equal([5, 10], reports.Select(r => r.Step));
        var start = WeightInterpolation.Blend(second.InitialPath, second.CheckpointPath, 0).ToWeights();
        foreach (var (expected, actual) in weights.Features.Append(weights.Hidden).Append(weights.Classifier)
                     .Zip(start.Features.Append(start.Hidden).Append(start.Classifier)))
        {
            Assert.All(expected.Weight.Zip(actual.Weight), pair => Assert.Equal(pair.First, pair.Second, 1e-4f));
        }
    }

    [Fact]
    public void AStudentLearnsFromAWiderTeacher()
    {
        var options = SmallRun() with { MaxSteps = 5, StepsPerEpoch = 5, BatchSize = 2, ValidationStripsPerKind = 2 };
        var wide = new Trainer(options with { RunFolder = Path.Combine(_folder, "wide"), Width = new NetworkWidth(48, 64), Seed = 4 }, _ => { });
        wide.Run();
        var teacherPath = Path.Combine(_folder, "teacher.onnx");
        wide.ExportBest(teacherPath, decisionThreshold: 0.1); // a teacher far from the start: music where the labels are unsure
        var start = Path.Combine(_folder, "start.onnx");
        var first = new Trainer(options with { Seed = 5 }, _ => { });
        first.Run();
        first.ExportBest(start);

        var lines = new List<string>();
        var studentOptions = options with { InitialWeights = start, MaxSteps = 20, LearningRate = 0.05 };
        var student = new Trainer(studentOptions with { RunFolder = Path.Combine(_folder, "student"), Teacher = teacherPath, TeacherWeight = 1 }, lines.Add);
        student.Run();
        var control = new Trainer(studentOptions with { RunFolder = Path.Combine(_folder, "labels-only") }, _ => { });
        control.Run();

        Assert.Contains(lines, l => l.StartsWith($"distilling from {teacherPath} (48 maps, 64 dense units)", StringComparison.Ordinal));
        var strips = Strips(options, seed: 9);
        var teacher = MusicMaskNet.FromExport(MusicMask.Models.OnnxModelReader.ReadWeights(File.ReadAllBytes(teacherPath)), strips).MusicProbabilities(strips);
        var before = MeanGap(WeightInterpolation.Blend(student.InitialPath, student.CheckpointPath, 0).MusicProbabilities(strips), teacher);
        var after = MeanGap(WeightInterpolation.Blend(student.InitialPath, student.CheckpointPath, 1).MusicProbabilities(strips), teacher);
        var withoutTeacher = MeanGap(WeightInterpolation.Blend(control.InitialPath, control.CheckpointPath, 1).MusicProbabilities(strips), teacher);
        Assert.True(after < 0.8 * withoutTeacher && after < before, $"the student should move toward the teacher, further than the labels alone take it: mean gap {before:F3} at the start, {after:F3} after, {withoutTeacher:F3} after the same steps without the teacher");
    }

    /// <summary>Validation strips of the miniature data set as one input tensor.</summary>
    private static torch.Tensor Strips(TrainerOptions options, int seed)
    {
        var sampler = new StripSampler(new AudioLibrary(Path.Combine(options.DataFolder, "validation")), options.WindowColumns);
        var random = new Random(seed);
        return Trainer.ToTensors(Enumerable.Range(0, 16).Select(_ => sampler.Next(random)).ToArray(), sampler).X;
    }

    private static double MeanGap(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
