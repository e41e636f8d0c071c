namespace MusicMask.Evaluation;

/// <summary>
/// One condition's result: window-level ROC, the mean cell-mask IoU against the ideal binary mask, and the AUC of
/// the windows at each band position (index 0 = 0-5.5 kHz, each next one 16 bins = 1.38 kHz higher) and of the
/// excerpts of each music source and of each noise source (in the order of <see cref="EvaluationReport.Sources"/> and
/// <see cref="EvaluationReport.NoiseSources"/>). <see cref="Columns"/> is how
/// the time segments fare: the share of the music's and of the noise's time columns that they call music.
/// <see cref="AucInterval"/> is the 95% interval of the AUC over resampled excerpt pairs; <see cref="Baseline"/>
/// compares with the baseline model on the same windows, when one was given. <see cref="AudibleAuc"/> is the AUC
/// of a mixture condition under audibility labels (<see cref="AudibleWindows"/>).
/// </summary>
public sealed record ConditionResult(string Name, double? Snr, RocCurve Roc, double? Iou, int Excerpts, IReadOnlyList<double> BandAuc, IReadOnlyList<double> SourceAuc, IReadOnlyList<double> NoiseSourceAuc, ColumnRates Columns, Interval AucInterval, BaselineComparison? Baseline = null, double? AudibleAuc = null);

/// <summary>The baseline model's AUC on the same windows, and the 95% paired interval of this model's AUC minus it.</summary>
public sealed record BaselineComparison(double Auc, Interval DifferenceInterval);

/// <summary>Shares of time columns called music by the segment rule (<see cref="Segmentation.ProbabilityMap.ColumnProbability"/>).</summary>
public sealed record ColumnRates(double MusicFound, double NoiseCalledMusic);

/// <summary>
/// A whole evaluation. <see cref="BandCalibration"/>, when present, is what a decision threshold per band would
/// change (<see cref="Evaluation.BandCalibration"/>).
/// </summary>
public sealed record EvaluationReport(string Model, int Seed, double ExcerptSeconds, IReadOnlyList<ConditionResult> Conditions, IReadOnlyList<string> Sources, IReadOnlyList<string> NoiseSources, string? BaselineModel = null, BandCalibrationResult? BandCalibration = null);
