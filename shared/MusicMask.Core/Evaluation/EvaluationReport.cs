namespace MusicMask.Evaluation;

/// <summary>One condition's result: window-level ROC, and the mean cell-mask IoU against the ideal binary mask.</summary>
public sealed record ConditionResult(string Name, double? Snr, RocCurve Roc, double? Iou, int Excerpts);

public sealed record EvaluationReport(string Model, int Seed, double ExcerptSeconds, IReadOnlyList<ConditionResult> Conditions);
