namespace MusicMask.Evaluation;

/// <summary>
/// One condition's result: window-level ROC, the mean cell-mask IoU against the ideal binary mask, and the AUC of
/// the windows at each band position (index 0 = 0-5.5 kHz, each next one 16 bins = 1.38 kHz higher) and of the
/// excerpts of each music source (in the order of <see cref="EvaluationReport.Sources"/>).
/// </summary>
public sealed record ConditionResult(string Name, double? Snr, RocCurve Roc, double? Iou, int Excerpts, IReadOnlyList<double> BandAuc, IReadOnlyList<double> SourceAuc);

public sealed record EvaluationReport(string Model, int Seed, double ExcerptSeconds, IReadOnlyList<ConditionResult> Conditions, IReadOnlyList<string> Sources);
