using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MusicMask.Evaluation;

/// <summary>separation.md and separation.json of a separation evaluation.</summary>
public static class SeparationWriter
{
    public static void Write(SeparationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "separation.md"), Markdown(report));
        File.WriteAllText(Path.Combine(folder, "separation.json"), Json(report));
    }

    public static string Markdown(SeparationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"SI-SDR improvement of music.wav over the mixture, in dB (mean ± standard error, median in brackets); model {report.Model}, {report.ExcerptSeconds:0.##} s excerpts, seed {report.Seed}. cells: the 16x16 map p interpolated to pixels; level-gated: p scaled down where a cell stands over 6 dB above its band's median level over ±3 s; pixel-gated: the level-gated p further scaled down where a pixel stands over {report.PixelGateDecibels:0.#} dB above its 2-bin band's median, what `segment --audio` uses; cubed: p³; sharpened: the map sharpened by {report.SharpenIterations} Richardson-Lucy iterations, interpolated; tonal: p weighted per pixel by steadiness over spread; ideal: 1 where the music outweighs the noise, per cell or per pixel.");
        if (report.CentreModel is { } centre)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"centre: the map of {centre}, a model trained on window centres, each cell the mean of the windows centred on it; centre, pixel-gated: that map under the same level and pixel gates.");
        }

        if (report.PixelModel is { } pixel)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pixel head: the per-pixel probability of {pixel}'s pixel head; pixel head, gated: it under the level and pixel gates alone (no cell map); pixel head × pixel-gated: it times the mask `segment --audio` uses.");
        }

        text.AppendLine();
        text.AppendLine("| SNR | excerpts | mixture SI-SDR | " + string.Join(" | ", report.Masks.Select(name => Headings.GetValueOrDefault(name, name))) + " | pixel-gated − cells | pixel-gated / ideal pixels |");
        text.AppendLine(string.Concat(Enumerable.Repeat("|---", report.Masks.Count + 5)) + "|");
        foreach (var condition in report.Conditions)
        {
            var row = condition.Improvements;
            var (cells, shipped, pixels) = (row[SeparationEvaluator.Cells].Mean, row[SeparationEvaluator.Shipped].Mean, row[SeparationEvaluator.IdealPixels].Mean);
            text.Append(CultureInfo.InvariantCulture, $"| {condition.Snr:+0;-0;0} dB | {condition.Excerpts} | {condition.MixtureSiSdr:F2} |");
            foreach (var name in report.Masks)
            {
                var summary = row[name];
                var silenced = summary.Silenced > 0 ? $", {summary.Silenced} silenced" : "";
                text.Append(CultureInfo.InvariantCulture, $" {summary.Mean:F2} ± {summary.StandardError:F2} ({summary.Median:F2}{silenced}) |");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {shipped - cells:+0.00;-0.00} | {shipped / pixels:F2} |");
        }

        return text.ToString();
    }

    private static readonly Dictionary<string, string> Headings = new()
    {
        [SeparationEvaluator.Cells] = "16x16 cells",
        [SeparationEvaluator.Cubed] = "cubed",
        [SeparationEvaluator.IdealCells] = "ideal cells",
        [SeparationEvaluator.IdealPixels] = "ideal pixels",
        [SeparationEvaluator.CentreGated] = "centre, pixel-gated",
        [SeparationEvaluator.PixelHead] = "pixel head",
        [SeparationEvaluator.PixelHeadGated] = "pixel head, gated",
        [SeparationEvaluator.PixelHeadShipped] = "pixel head × pixel-gated",
    };

    public static string Json(SeparationReport report) => JsonSerializer.Serialize(
        new
        {
            model = report.Model,
            seed = report.Seed,
            excerpt_seconds = report.ExcerptSeconds,
            sharpen_iterations = report.SharpenIterations,
            pixel_gate_db = report.PixelGateDecibels,
            centre_model = report.CentreModel,
            pixel_model = report.PixelModel,
            conditions = report.Conditions.Select(c => new
            {
                snr_db = c.Snr,
                excerpts = c.Excerpts,
                mixture_si_sdr_db = Math.Round(c.MixtureSiSdr, 3),
                si_sdr_improvement_db = c.Improvements.ToDictionary(
                    p => p.Key,
                    p => new { mean = Finite(p.Value.Mean), median = Finite(p.Value.Median), standard_error = Finite(p.Value.StandardError), silenced = p.Value.Silenced }),
            }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 3) : null;
}
