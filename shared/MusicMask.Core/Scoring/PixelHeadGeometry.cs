using MusicMask.Segmentation;

namespace MusicMask.Scoring;

/// <summary>
/// Where each tap of the scoring network lies on its input. Valid 3x3 convolutions and 2x2 pools put the first
/// position of the k-th convolution's map (k = 1..4) at pixel c_k, c_1 = 1 and c_(k+1) = c_k + 2.5 s_k, with stride
/// s_k = 2^(k-1); the dense layer's first position is its kernel's centre on the last pool (stride 16), so it
/// differs between the axes.
/// </summary>
public static class PixelHeadGeometry
{
    private const int ConvolutionTaps = 4;
    private const int DenseHeight = 2;
    private const int DenseWidth = 14;

    /// <summary>One axis of a tap: the pixel its first position is centred on, and its stride in pixels.</summary>
    public readonly record struct Axis(double FirstCentre, int Stride)
    {
        /// <summary>The two map positions whose centres enclose <paramref name="pixel"/>, held flat beyond the ends, and how far it is from the first.</summary>
        public (int Low, int High, float Weight) Between(long pixel, int positions)
        {
            var position = Math.Clamp((pixel - FirstCentre) / Stride, 0, positions - 1);
            var low = (int)position;
            return (low, Math.Min(low + 1, positions - 1), (float)(position - low));
        }
    }

    public const int Taps = ConvolutionTaps + 1;

    /// <summary>Tap <paramref name="tap"/> (0-based) along frequency.</summary>
    public static Axis Frequency(int tap) => Along(tap, DenseHeight);

    /// <summary>Tap <paramref name="tap"/> (0-based) along time.</summary>
    public static Axis Time(int tap) => Along(tap, DenseWidth);

    private static Axis Along(int tap, int denseKernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tap, Taps);
        var (centre, stride) = (1.0, 1);
        for (var k = 0; k < Math.Min(tap, ConvolutionTaps - 1); k++)
        {
            centre += 2.5 * stride;
            stride *= 2;
        }

        if (tap < ConvolutionTaps)
        {
            return new Axis(centre, stride);
        }

        var pooled = centre + stride / 2.0;
        return new Axis(pooled + (denseKernel - 1) / 2.0 * WindowGrid.Stride, WindowGrid.Stride);
    }
}
