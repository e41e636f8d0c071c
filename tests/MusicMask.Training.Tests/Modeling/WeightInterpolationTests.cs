using MusicMask.Models;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;

namespace MusicMask.Training.Tests.Modeling;

public sealed class WeightInterpolationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"musicmask-blend-{Guid.NewGuid():N}");

    public WeightInterpolationTests()
    {
        OneThreadTorch.Prepare();
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BlendsParametersAndBatchNormStatisticsLinearly()
    {
        var (from, to) = (Checkpoint("from", seed: 1, trained: false), Checkpoint("to", seed: 2, trained: true));

        // The modules are kept in locals: a module the collector finalises takes its tensors with it.
        using var startModel = WeightInterpolation.Blend(from, to, 0);
        using var middleModel = WeightInterpolation.Blend(from, to, 0.25);
        using var endModel = WeightInterpolation.Blend(from, to, 1);
        using var originalModel = Load(to);
        var (start, middle, end, original) = (startModel.state_dict(), middleModel.state_dict(), endModel.state_dict(), originalModel.state_dict());
        Assert.Contains(start.Keys, name => name.Contains("running_mean", StringComparison.Ordinal));
        // Explicit scalars (see MusicMaskNet.forward): implicit ones can be finalised during the native call.
        using var threeQuarters = 0.75.ToScalar();
        using var quarter = 0.25.ToScalar();
        foreach (var (name, value) in middle.Where(entry => entry.Value.is_floating_point()))
        {
            var expected = start[name].mul(threeQuarters).add(end[name].mul(quarter));
            Assert.True(torch.allclose(end[name], original[name]), $"t = 1 should give back {name} of 'to'");
            Assert.True(torch.allclose(value, expected, rtol: 1e-5, atol: 1e-6), name);
            Assert.False(name.Contains("running_var", StringComparison.Ordinal) && torch.allclose(start[name], end[name]), $"{name} should differ between the two checkpoints");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => WeightInterpolation.Blend(from, to, 1.5));
    }

    [Fact]
    public void AveragesEveryFloatingPointTensorOfTheCheckpointsWithEqualWeights()
    {
        var paths = new[] { Checkpoint("a", seed: 3, trained: true), Checkpoint("b", seed: 4, trained: true), Checkpoint("c", seed: 5, trained: false) };
        var models = paths.Select(Load).ToArray();
        var checkpoints = models.Select(model => model.state_dict()).ToArray();

        using var meanModel = WeightInterpolation.Average(paths);
        using var aloneModel = WeightInterpolation.Average([paths[0]]);
        var (mean, alone) = (meanModel.state_dict(), aloneModel.state_dict());

        var (compared, differing) = (0, 0);
        foreach (var (name, value) in mean.Where(entry => entry.Value.is_floating_point()))
        {
            var expected = torch.stack(checkpoints.Select(c => c[name])).mean([0]);
            Assert.True(torch.allclose(value, expected, rtol: 1e-5, atol: 1e-6), name);
            differing += torch.allclose(value, checkpoints[0][name]) ? 0 : 1;
            Assert.True(torch.allclose(alone[name], checkpoints[0][name]), $"the mean of one checkpoint should be that checkpoint ({name})");
            compared++;
        }

        Assert.True(compared > 10 && differing > compared / 2, $"{differing} of {compared} tensors differ from the first checkpoint's");
        Assert.Throws<ArgumentException>(() => WeightInterpolation.Average([]));
        GC.KeepAlive(models);
    }

    [Fact]
    public void RefusesAFileThatIsNotACheckpointNamingIt()
    {
        var checkpoint = Checkpoint("real", seed: 6, trained: false);
        var notes = Path.Combine(folder, "notes.txt");
        File.WriteAllText(notes, "these are not weights");

        var error = Assert.Throws<InvalidDataException>(() => WeightInterpolation.Average([checkpoint, notes]));
        Assert.Contains(notes, error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => WeightInterpolation.Blend(notes, checkpoint, 0.5));
    }

    [Fact]
    public void RefusesACheckpointOfAnotherDenseWidthSayingWhichWidthItExpected()
    {
        torch.random.manual_seed(7);
        var path = Path.Combine(folder, "wide.bin");
        var wide = new NetworkWidth(NetworkWidth.Contract.Maps, 2 * NetworkWeights.DefaultHidden);
        new MusicMaskNet(width: wide).save(path);

        var error = Assert.Throws<InvalidDataException>(() => WeightInterpolation.Average([path]));

        Assert.Contains($"{path} is not a checkpoint of a MusicMask network with {NetworkWidth.Contract}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 * NetworkWeights.DefaultHidden, WeightInterpolation.Average([path], wide).ToWeights().Hidden.OutChannels);
    }

    private string Checkpoint(string name, int seed, bool trained)
    {
        torch.random.manual_seed(seed);
        var model = new MusicMaskNet();
        if (trained)
        {
            BatchNormStatistics.Move(model, passes: 1, height: 64, width: 256);
        }

        var path = Path.Combine(folder, $"{name}.bin");
        model.save(path);
        return path;
    }

    private static MusicMaskNet Load(string path)
    {
        var model = new MusicMaskNet();
        model.LoadCheckpoint(path);
        return model;
    }
}
