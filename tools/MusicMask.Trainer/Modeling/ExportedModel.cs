using MusicMask.Models;
using MusicMask.Scoring;

namespace MusicMask.Training.Modeling;

/// <summary>Writes an exported model again with its weights changed, without retraining (`decide`, `context`).</summary>
internal static class ExportedModel
{
    /// <summary>
    /// Loads <paramref name="model"/> as the pipeline does, which refuses a model made for other analysis parameters
    /// that the writer would otherwise relabel as the pipeline's own, and one with a pixel head, which the writer
    /// drops; then writes <paramref name="change"/>'s weights to <paramref name="target"/>.
    /// </summary>
    /// <param name="change">Given the loaded scorer and the model's weights, the weights to write.</param>
    /// <param name="step">What the change is, for the refusal: "decide", "the context".</param>
    public static void Rewrite(string model, string target, string step, Func<StripScorer, NetworkWeights, NetworkWeights> change)
    {
        NetworkWeights weights;
        using (var scorer = new StripScorer(model))
        {
            if (scorer.HasPixelHead)
            {
                throw new ArgumentException($"{model} has a pixel head, which {step} would drop; apply {step} to the run's network before adding a head", nameof(model));
            }

            weights = change(scorer, OnnxModelReader.ReadWeights(File.ReadAllBytes(model)));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        File.WriteAllBytes(target, OnnxModelWriter.Write(weights, TrainerOptions.DefaultModelVersion));
    }
}
