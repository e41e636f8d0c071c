using MusicMask.Training.Modeling;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

internal static class BatchNormStatistics
{
    /// <summary>
    /// Training-mode passes over random dB strips move the batch-norm statistics away from (0, 1), as training does,
    /// so a fold, a blend or an eval-mode property is really tested.
    /// </summary>
    public static void Move(MusicMaskNet model, int passes, long height, long width)
    {
        using var noGrad = no_grad();
        model.train();
        for (var i = 0; i < passes; i++)
        {
            model.call(empty(2, 1, height, width).normal_(-50, 20)).Dispose();
        }
    }
}
