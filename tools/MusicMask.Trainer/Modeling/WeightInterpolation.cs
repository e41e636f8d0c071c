using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Blends two checkpoints of the same lineage, (1 - t) * from + t * to, parameters and batch-norm statistics alike
/// (before folding). A model fine-tuned on new data often generalises best part of the way back to its starting
/// point (Wortsman et al. 2022, "robust fine-tuning"); which t is chosen on the validation split.
/// </summary>
public static class WeightInterpolation
{
    public static MusicMaskNet Blend(string fromCheckpoint, string toCheckpoint, double t)
    {
        if (t is < 0 or > 1 || double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "the blend weight lies in [0, 1]");
        }

        var from = new MusicMaskNet();
        from.load(fromCheckpoint);
        var to = new MusicMaskNet();
        to.load(toCheckpoint);
        var target = to.state_dict();
        using (no_grad())
        {
            foreach (var (name, tensor) in from.state_dict())
            {
                if (tensor.is_floating_point())
                {
                    tensor.mul_(1 - t).add_(target[name], alpha: t);
                }
            }
        }

        from.eval();
        return from;
    }
}
