using SkiaSharp;

namespace MusicMask.Outputs;

/// <summary>The overlay's frame: title, time and frequency axes with round-numbered ticks, drawn with SkiaSharp alone.</summary>
internal static class AxisText
{
    public static void Draw(SKCanvas canvas, SKRect plot, double seconds, double topKHz, string title)
    {
        using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, 14);
        using var titleFont = new SKFont(SKTypeface.Default, 18);
        canvas.DrawRect(plot, line);

        foreach (var t in Ticks(seconds, 12))
        {
            var x = plot.Left + (float)(t / seconds) * plot.Width;
            canvas.DrawLine(x, plot.Bottom, x, plot.Bottom + 5, line);
            canvas.DrawText(Label(t), x, plot.Bottom + 21, SKTextAlign.Center, font, ink);
        }

        foreach (var k in Ticks(topKHz, 8))
        {
            var y = plot.Bottom - (float)(k / topKHz) * plot.Height;
            canvas.DrawLine(plot.Left - 5, y, plot.Left, y, line);
            canvas.DrawText(Label(k), plot.Left - 8, y + 5, SKTextAlign.Right, font, ink);
        }

        canvas.DrawText("time (s)", plot.MidX, plot.Bottom + 46, SKTextAlign.Center, font, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, 18, plot.MidY);
        canvas.DrawText("frequency (kHz)", 18, plot.MidY + 5, SKTextAlign.Center, font, ink);
        canvas.Restore();
        canvas.DrawText(title, plot.MidX, plot.Top - 14, SKTextAlign.Center, titleFont, ink);
    }

    /// <summary>Ticks at 1, 2 or 5 times a power of ten, at most about <paramref name="most"/> of them from 0 to <paramref name="end"/>.</summary>
    internal static IEnumerable<double> Ticks(double end, int most)
    {
        var raw = end / most;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= raw);
        for (var i = 0; i * step <= end * (1 + 1e-9); i++)
        {
            yield return i * step;
        }
    }

    private static string Label(double value) => value.ToString(Math.Abs(value - Math.Round(value)) < 1e-9 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture);
}
