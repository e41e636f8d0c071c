namespace MusicMask.Training.Modeling;

/// <summary>
/// Moves an exported model's decision without retraining, so an operating point can be chosen on validation
/// recordings after a run: a music probability of the threshold becomes the mask's 0.5. Shifts add, so a model
/// already exported with a threshold moves on from there.
/// </summary>
public static class DecisionShift
{
    public static void Write(string model, double threshold, string target) =>
        ExportedModel.Rewrite(model, target, "decide", (_, weights) => weights.WithDecisionThreshold(threshold));
}
