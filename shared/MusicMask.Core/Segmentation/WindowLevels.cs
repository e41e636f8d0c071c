using System.Numerics.Tensors;
using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>The mean dB of every 64x256 window of a tile, band-major like the scores.</summary>
public static class WindowLevels
{
    private const int Bins = SpectrogramParameters.Bins;
    private const double PixelsPerWindow = WindowGrid.WindowHeight * WindowGrid.WindowWidth;

    /// <summary>Sums each 16-bin cell row of each frame once, then slides along time with running sums per band.</summary>
    public static float[] Of(SpectrogramTile tile)
    {
        var frames = tile.FrameCount;
        var windows = tile.Range.Windows;
        var rowSums = new double[WindowGrid.CellRows * frames];
        for (var f = 0; f < frames; f++)
        {
            var frame = tile.Frames.AsSpan(f * Bins, Bins);
            for (var row = 0; row < WindowGrid.CellRows; row++)
            {
                rowSums[row * frames + f] = TensorPrimitives.Sum(frame.Slice(row * WindowGrid.Stride, WindowGrid.Stride));
            }
        }

        var levels = new float[WindowGrid.BandPositions * windows];
        var sumBefore = new double[frames + 1];
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var f = 0; f < frames; f++)
            {
                double sum = 0;
                for (var row = band; row < band + WindowGrid.CellsPerWindowRow; row++)
                {
                    sum += rowSums[row * frames + f];
                }

                sumBefore[f + 1] = sumBefore[f] + sum;
            }

            for (var column = 0; column < windows; column++)
            {
                var first = column * WindowGrid.Stride;
                levels[band * windows + column] = (float)((sumBefore[first + WindowGrid.WindowWidth] - sumBefore[first]) / PixelsPerWindow);
            }
        }

        return levels;
    }
}
