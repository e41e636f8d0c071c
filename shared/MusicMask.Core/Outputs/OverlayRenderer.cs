using MusicMask.Segmentation;
using MusicMask.Transforms;
using SkiaSharp;

namespace MusicMask.Outputs;

/// <summary>Draws the spectrogram in grey with the music cells tinted, on labelled time and frequency axes.</summary>
public static class OverlayRenderer
{
    public const int Width = 1600;
    public const int Height = 600;
    private const int MaxImageColumns = 2400;
    private static readonly (byte R, byte G, byte B) Tint = (255, 140, 0);
    private static readonly SKRect Plot = new(72, 44, Width - 24, Height - 58);

    /// <summary>
    /// Skia's default PNG settings (every filter tried on every row, zlib level 6) took 20-50 ms an image, about as
    /// long as scoring a 5 s file. Most rows repeat the row above (the map's 128 rows are drawn about 4 pixels high),
    /// which the Up filter turns into zeros; at zlib's fastest level that takes 6-8 ms for files 1.2-1.8x larger.
    /// </summary>
    private static readonly SKPngEncoderOptions Png = new(SKPngEncoderFilterFlags.Up, 1);

    public static byte[] RenderPng(SpectrogramPreview preview, ProbabilityMap map, double durationSeconds, string title)
    {
        using var bitmap = Compose(preview, map);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var topKHz = SpectrogramParameters.Bins * SpectrogramParameters.BinHz / 1000;
        var axisSeconds = Math.Max(durationSeconds, 1e-3);
        var imageSeconds = map.Columns * SegmentFinder.CellSeconds;
        var imageRight = Plot.Left + (float)(Math.Min(imageSeconds, axisSeconds) / axisSeconds) * Plot.Width;
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.DrawImage(image, new SKRect(Plot.Left, Plot.Top, imageRight, Plot.Bottom), new SKSamplingOptions(SKFilterMode.Nearest));
        }

        AxisText.Draw(canvas, Plot, axisSeconds, topKHz, title);
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("a raster surface always has its pixels at hand");
        using var data = pixels.Encode(Png) ?? throw new InvalidOperationException("the overlay could not be encoded as PNG");
        return data.ToArray();
    }

    private static SKBitmap Compose(SpectrogramPreview preview, ProbabilityMap map)
    {
        var columns = Math.Min(map.Columns, preview.Columns);
        var group = Math.Max(1, (columns + MaxImageColumns - 1) / MaxImageColumns);
        var width = Math.Max(1, (columns + group - 1) / group);
        var bitmap = new SKBitmap(width, SpectrogramPreview.Rows, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new SKColor[width * SpectrogramPreview.Rows];
        for (var x = 0; x < width; x++)
        {
            var first = x * group;
            var last = Math.Min(columns, first + group);
            for (var row = 0; row < SpectrogramPreview.Rows; row++)
            {
                float level = 0, music = 0;
                for (var c = first; c < last; c++)
                {
                    level += preview.Decibels(row, c);
                    music += map[row * ProbabilityMap.Rows / SpectrogramPreview.Rows, c] > ProbabilityMap.Threshold ? 1 : 0;
                }

                var grey = Math.Clamp((level / Math.Max(1, last - first) + 90f) / 120f, 0f, 1f);
                var tint = music / Math.Max(1, last - first) * 0.55f;
                var y = SpectrogramPreview.Rows - 1 - row;
                pixels[y * width + x] = new SKColor(
                    Blend(grey, Tint.R, tint),
                    Blend(grey, Tint.G, tint),
                    Blend(grey, Tint.B, tint));
            }
        }

        bitmap.Pixels = pixels;
        return bitmap;
    }

    private static byte Blend(float grey, byte tint, float amount) =>
        (byte)Math.Clamp(grey * 255f * (1 - amount) + tint * amount, 0f, 255f);
}
