using MusicMask.Models;
using MusicMask.Scoring;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Moves an exported model's decision without retraining, so an operating point can be chosen on validation
/// recordings after a run: a music probability of the threshold becomes the mask's 0.5. Shifts add, so a model
/// already exported with a threshold moves on from there.
/// </summary>
public static class DecisionShift
{
    public static void Write(string model, double threshold, string target)
    {
        // Loading it as the pipeline does refuses a model made for other analysis parameters, which the writer
        // would otherwise relabel as the pipeline's own.
        using (var scorer = new StripScorer(model))
        {
            if (scorer.HasPixelHead)
            {
                throw new ArgumentException($"{model} has a pixel head, which decide would drop; move the decision of the run's network before adding a head", nameof(model));
            }
        }

        var weights = OnnxModelReader.ReadWeights(File.ReadAllBytes(model)).WithDecisionThreshold(threshold);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        File.WriteAllBytes(target, OnnxModelWriter.Write(weights, TrainerOptions.DefaultModelVersion));
    }
}
