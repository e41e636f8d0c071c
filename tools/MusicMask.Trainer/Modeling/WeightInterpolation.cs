using static TorchSharp.torch;
using MusicMask.Models;
using TorchSharp;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Weighted sums of checkpoints of the same lineage, parameters and batch-norm statistics alike (before folding).
/// A model fine-tuned on new data often generalises best part of the way back to its starting point (Wortsman et
/// al. 2022, "robust fine-tuning"); snapshots along one run, averaged, often generalise better than any one of them
/// (Izmailov et al. 2018, stochastic weight averaging). Which blend or which snapshots is chosen on the validation
/// split.
/// </summary>
public static class WeightInterpolation
{
    /// <summary>(1 - t) * from + t * to, checkpoints of a network of <paramref name="width"/> (the contract's by default).</summary>
    public static MusicMaskNet Blend(string fromCheckpoint, string toCheckpoint, double t, NetworkWidth? width = null)
    {
        if (t is < 0 or > 1 || double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "the blend weight lies in [0, 1]");
        }

        return WeightedSum([(fromCheckpoint, 1 - t), (toCheckpoint, t)], width);
    }

    /// <summary>The mean of the checkpoints, each with the same weight.</summary>
    public static MusicMaskNet Average(IReadOnlyList<string> checkpoints, NetworkWidth? width = null)
    {
        if (checkpoints.Count == 0)
        {
            throw new ArgumentException("averaging needs at least one checkpoint", nameof(checkpoints));
        }

        return WeightedSum(checkpoints.Select(path => (path, 1.0 / checkpoints.Count)).ToArray(), width);
    }

    private static MusicMaskNet WeightedSum(IReadOnlyList<(string Path, double Weight)> parts, NetworkWidth? width)
    {
        var sum = new MusicMaskNet(width: width);
        sum.LoadCheckpoint(parts[0].Path);
        var tensors = sum.state_dict().Where(entry => entry.Value.is_floating_point()).ToArray();
        using (no_grad())
        {
            // Scalars are made explicitly and disposed after use, as in MusicMaskNet.forward.
            using (var first = parts[0].Weight.ToScalar())
            {
                foreach (var (_, tensor) in tensors)
                {
                    tensor.mul_(first);
                }
            }

            foreach (var (path, weight) in parts.Skip(1))
            {
                using var other = new MusicMaskNet(width: width);
                other.LoadCheckpoint(path);
                var added = other.state_dict();
                using var alpha = weight.ToScalar();
                foreach (var (name, tensor) in tensors)
                {
                    tensor.add_(added[name], alpha: alpha);
                }
            }
        }

        sum.eval();
        return sum;
    }
}
