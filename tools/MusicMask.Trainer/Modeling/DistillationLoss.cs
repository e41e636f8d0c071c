using MusicMask.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Knowledge distillation (Hinton et al. 2015): the cross-entropy against the strips' labels, mixed with the
/// cross-entropy against a teacher network's music/noise probabilities on the same windows. A wider teacher's soft
/// targets say how music-like each window is, which a 0/1 label cannot. Windows the labels leave out (silence,
/// inaudible music) are left out of both terms.
/// </summary>
public static class DistillationLoss
{
    /// <param name="logits">Student logits [N, 2, bands, windows].</param>
    /// <param name="teacherLogits">Teacher logits of the same shape, without gradient.</param>
    /// <param name="targets">Labels [N, bands, windows], <see cref="StripSampler.Ignore"/> where unlabelled.</param>
    /// <param name="teacherWeight">Share of the teacher's term, 0 (labels only) to 1 (teacher only).</param>
    public static Tensor Compute(Tensor logits, Tensor teacherLogits, Tensor targets, double teacherWeight)
    {
        if (!(teacherWeight is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(teacherWeight), teacherWeight, "the teacher's share lies in [0, 1]");
        }

        using var scope = NewDisposeScope();
        var labelled = targets.ne(StripSampler.Ignore).to_type(ScalarType.Float32);
        var soft = nn.functional.softmax(teacherLogits.detach(), 1)
            .mul(nn.functional.log_softmax(logits, 1))
            .sum(1)
            .neg();
        var teacherTerm = soft.mul(labelled).sum().div(labelled.sum().clamp_min(1));
        var labelTerm = nn.functional.cross_entropy(logits, targets, ignore_index: StripSampler.Ignore);
        using var labelShare = (1 - teacherWeight).ToScalar();
        using var teacherShare = teacherWeight.ToScalar();
        return labelTerm.mul(labelShare).add(teacherTerm.mul(teacherShare)).MoveToOuterDisposeScope();
    }
}
