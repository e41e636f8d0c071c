using MusicMask.Training.Modeling;
using MusicMask.Training.Native;
using TorchSharp;

namespace MusicMask.Training.Tests.Modeling;

public class WeightInterpolationTests
{
    public WeightInterpolationTests() => TorchRuntime.Prepare();

    [Fact]
    public void BlendsParametersAndBatchNormStatisticsLinearly()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"musicmask-blend-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var (from, to) = (Path.Combine(folder, "from.bin"), Path.Combine(folder, "to.bin"));
            torch.random.manual_seed(1);
            new MusicMaskNet().save(from);
            torch.random.manual_seed(2);
            var trained = new MusicMaskNet();
            using (torch.no_grad())
            {
                trained.train();
                trained.call(torch.randn(2, 1, 64, 256) * 20 - 50).Dispose();
            }

            trained.save(to);

            var start = WeightInterpolation.Blend(from, to, 0).state_dict();
            var middle = WeightInterpolation.Blend(from, to, 0.25).state_dict();
            var end = WeightInterpolation.Blend(from, to, 1).state_dict();
            var original = new MusicMaskNet();
            original.load(to);
            Assert.Contains(start.Keys, name => name.Contains("running_mean", StringComparison.Ordinal));
            foreach (var (name, value) in middle.Where(entry => entry.Value.is_floating_point()))
            {
                var expected = start[name] * 0.75 + end[name] * 0.25;
                Assert.True(torch.allclose(end[name], original.state_dict()[name]), $"t = 1 should give back {name} of 'to'");
                Assert.True(torch.allclose(value, expected, rtol: 1e-5, atol: 1e-6), name);
                Assert.False(name.Contains("running_var", StringComparison.Ordinal) && torch.allclose(start[name], end[name]), $"{name} should differ between the two checkpoints");
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => WeightInterpolation.Blend(from, to, 1.5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
