using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;

namespace MusicMask.Evaluation;

/// <summary>Writes an evaluation as auc.md, auc.json and roc.png (one curve per condition, as the paper's Figure 2).</summary>
public static class EvaluationWriter
{
    /// <summary>The probability above which the mask calls a cell music; the table gives the window rates there.</summary>
    private const float Threshold = Segmentation.ProbabilityMap.Threshold;

    /// <summary>More sources than this (a folder of loose files is one source per file) go to auc.json only.</summary>
    public const int MaxSourceColumns = 24;

    public static void Write(EvaluationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "auc.md"), Markdown(report));
        File.WriteAllText(Path.Combine(folder, "auc.json"), Json(report));
        File.WriteAllBytes(Path.Combine(folder, "roc.png"), RocPng(report));
    }

    public static string Markdown(EvaluationReport report)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"| condition | ROC AUC | 95% interval | AUC, audible labels | cell-mask IoU | music found (p > {Threshold}) | noise called music | music time found | noise time called music | music windows | noise windows | excerpts |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var c in report.Conditions)
        {
            var iou = c.Iou is { } value ? value.ToString("F3", CultureInfo.InvariantCulture) : "-";
            var audible = c.AudibleAuc is { } auc ? auc.ToString("F4", CultureInfo.InvariantCulture) : "-";
            var (found, falseAlarms) = c.Roc.RatesAbove(Threshold);
            text.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Roc.Auc:F4} | {c.AucInterval.Low:F3}-{c.AucInterval.High:F3} | {audible} | {iou} | {found:P1} | {falseAlarms:P1} | {c.Columns.MusicFound:P1} | {c.Columns.NoiseCalledMusic:P1} | {c.Roc.Positives} | {c.Roc.Negatives} | {c.Excerpts} |\n");
        }

        if (report.Conditions.Count > 0)
        {
            var curves = report.Conditions.Select(c => c.Roc).ToArray();
            var (threshold, meanJ) = BalancedThreshold.Find(curves);
            text.Append(CultureInfo.InvariantCulture, $"\nOver these conditions, p > {threshold:F2} balances music found against noise called music best (mean of found - called {meanJ:F3}; at {Threshold}: {BalancedThreshold.MeanJ(curves, Threshold):F3}).\n");
        }

        if (report.BaselineModel is { } baselineModel)
        {
            AppendComparison(text, report.Model, baselineModel, report.Conditions);
        }

        var bands = report.Conditions.Count == 0 ? 0 : report.Conditions[0].BandAuc.Count;
        AppendGroupTable(
            text,
            "AUC by band (lowest frequency of the 5.5 kHz window, kHz)",
            Enumerable.Range(0, bands).Select(band => BandLowKilohertz(band).ToString("F1", CultureInfo.InvariantCulture)).ToArray(),
            report.Conditions,
            c => c.BandAuc);
        if (report.BandCalibration is { } calibration)
        {
            AppendBandCalibration(text, calibration, report.Conditions);
        }

        AppendSourceTable(text, "music source", "its excerpts and their paired noise", "source_auc", report.Sources, report.Conditions, c => c.SourceAuc);
        AppendSourceTable(text, "noise source", "its excerpts and their paired music", "noise_source_auc", report.NoiseSources, report.Conditions, c => c.NoiseSourceAuc);
        return text.ToString();
    }

    private static void AppendSourceTable(StringBuilder text, string what, string pairing, string jsonKey, IReadOnlyList<string> sources, IReadOnlyList<ConditionResult> conditions, Func<ConditionResult, IReadOnlyList<double>> aucs)
    {
        if (sources.Count is > 1 and <= MaxSourceColumns)
        {
            AppendGroupTable(text, $"AUC by {what} ({pairing})", sources, conditions, aucs);
        }
        else if (sources.Count > MaxSourceColumns)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nAUC by {what}: {sources.Count} sources, in auc.json ({jsonKey}).\n");
        }
    }

    private static void AppendBandCalibration(StringBuilder text, BandCalibrationResult calibration, IReadOnlyList<ConditionResult> conditions)
    {
        var thresholds = string.Join(" / ", calibration.Thresholds.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)));
        var aucs = string.Join(" / ", conditions.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c.Roc.Auc:F4} -> {calibration.PooledAuc[i]:F4}")));
        var meanJ = BalancedThreshold.MeanJ(conditions.Select(c => c.Roc).ToArray(), Threshold);
        text.Append(CultureInfo.InvariantCulture, $"\nBalanced threshold by band: {thresholds}. Moving each band's decision there (fitted on these same windows, which flatters it) would change the AUC {aucs} and the mean of found - called at {Threshold} from {meanJ:F3} to {calibration.MeanJ:F3}.\n");
    }

    private static void AppendComparison(StringBuilder text, string model, string baselineModel, IReadOnlyList<ConditionResult> conditions)
    {
        text.Append(CultureInfo.InvariantCulture, $"\nAgainst the baseline {baselineModel}, scored on the same windows (the interval resamples the same excerpt pairs for both; one that excludes 0 is a difference these excerpts support):\n\n| condition | {model} | {baselineModel} | difference | 95% interval |\n|---|---|---|---|---|\n");
        foreach (var c in conditions.Where(c => c.Baseline is not null))
        {
            var b = c.Baseline!;
            text.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Roc.Auc:F4} | {b.Auc:F4} | {c.Roc.Auc - b.Auc:+0.0000;-0.0000;0.0000} | {b.DifferenceInterval.Low:+0.000;-0.000;0.000} to {b.DifferenceInterval.High:+0.000;-0.000;0.000} |\n");
        }

        var sum = conditions.Where(c => c.Baseline is not null).Sum(c => c.Roc.Auc - c.Baseline!.Auc);
        text.Append(CultureInfo.InvariantCulture, $"\nSum of the differences over these conditions: {sum:+0.0000;-0.0000;0.0000}.\n");
    }

    private static void AppendGroupTable(StringBuilder text, string caption, IReadOnlyList<string> columns, IReadOnlyList<ConditionResult> conditions, Func<ConditionResult, IReadOnlyList<double>> aucs)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n{caption}:\n\n| condition |");
        foreach (var column in columns)
        {
            text.Append(CultureInfo.InvariantCulture, $" {column} |");
        }

        text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", columns.Count))).Append('\n');
        foreach (var c in conditions)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {c.Name} |");
            foreach (var auc in aucs(c))
            {
                text.Append(double.IsNaN(auc) ? " - |" : string.Create(CultureInfo.InvariantCulture, $" {auc:F2} |"));
            }

            text.Append('\n');
        }
    }

    private static double BandLowKilohertz(int band) =>
        band * Segmentation.WindowGrid.Stride * Transforms.SpectrogramParameters.BinHz / 1000;

    public static string Json(EvaluationReport report) => JsonSerializer.Serialize(
        new
        {
            model = report.Model,
            seed = report.Seed,
            excerpt_seconds = report.ExcerptSeconds,
            baseline_model = report.BaselineModel,
            sources = report.Sources,
            noise_sources = report.NoiseSources,
            balanced_threshold = report.Conditions.Count == 0 ? (float?)null : BalancedThreshold.Find(report.Conditions.Select(c => c.Roc).ToArray()).Threshold,
            band_thresholds = report.BandCalibration?.Thresholds,
            band_calibrated_mean_j = report.BandCalibration is { } calibration ? Math.Round(calibration.MeanJ, 4) : (double?)null,
            conditions = report.Conditions.Select((c, i) => new
            {
                name = c.Name,
                snr_db = c.Snr,
                auc = Math.Round(c.Roc.Auc, 5),
                auc_interval = Rounded([c.AucInterval.Low, c.AucInterval.High]),
                baseline_auc = c.Baseline is { } b ? Math.Round(b.Auc, 5) : (double?)null,
                difference_interval = c.Baseline is { } d ? Rounded([d.DifferenceInterval.Low, d.DifferenceInterval.High]) : null,
                iou = c.Iou is { } iou ? Math.Round(iou, 4) : (double?)null,
                audible_auc = c.AudibleAuc is { } audibleAuc ? Math.Round(audibleAuc, 4) : (double?)null,
                music_found_above_threshold = Math.Round(c.Roc.RatesAbove(Threshold).TruePositiveRate, 4),
                noise_called_music_above_threshold = Math.Round(c.Roc.RatesAbove(Threshold).FalsePositiveRate, 4),
                music_time_found = Math.Round(c.Columns.MusicFound, 4),
                noise_time_called_music = Math.Round(c.Columns.NoiseCalledMusic, 4),
                music_windows = c.Roc.Positives,
                noise_windows = c.Roc.Negatives,
                excerpts = c.Excerpts,
                band_auc = Rounded(c.BandAuc),
                band_calibrated_auc = report.BandCalibration is { } calibrated ? Math.Round(calibrated.PooledAuc[i], 5) : (double?)null,
                source_auc = Rounded(c.SourceAuc),
                noise_source_auc = Rounded(c.NoiseSourceAuc),
            }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    private static IEnumerable<double?> Rounded(IEnumerable<double> aucs) => aucs.Select(a => double.IsNaN(a) ? (double?)null : Math.Round(a, 4));

    public static byte[] RocPng(EvaluationReport report)
    {
        using var plot = RocPlot(report);
        return plot.GetImageBytes(800, 700, ImageFormat.Png);
    }

    /// <summary>One ROC curve per condition, each in its own colour, with a dot at the mask's operating point.</summary>
    public static Plot RocPlot(EvaluationReport report)
    {
        var plot = new Plot();

        // Colours by condition index: left to the plot, each dot would take the next colour too, and the sixth
        // curve would wrap round to the first one's.
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < report.Conditions.Count; i++)
        {
            var c = report.Conditions[i];
            var (fpr, tpr) = Thin(c.Roc, 400);
            var line = plot.Add.ScatterLine(fpr, tpr, palette.GetColor(i));
            line.LegendText = $"{c.Name} (AUC {c.Roc.Auc:F3})";
            line.LineWidth = 2;
            var (found, falseAlarms) = c.Roc.RatesAbove(Threshold);
            var point = plot.Add.Marker(falseAlarms, found, color: line.Color);
            point.Size = 9;
        }

        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title($"ROC of single-window music detection ({report.Model}); dots: p > {Threshold}");
        plot.XLabel("false positive rate (noise called music)");
        plot.YLabel("true positive rate (music found)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static (double[] X, double[] Y) Thin(RocCurve roc, int points)
    {
        var step = Math.Max(1, roc.FalsePositiveRate.Length / points);
        var indices = Enumerable.Range(0, roc.FalsePositiveRate.Length).Where(i => i % step == 0 || i == roc.FalsePositiveRate.Length - 1).ToArray();
        return (indices.Select(i => roc.FalsePositiveRate[i]).ToArray(), indices.Select(i => roc.TruePositiveRate[i]).ToArray());
    }
}
