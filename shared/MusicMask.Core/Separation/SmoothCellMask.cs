using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// The paper's 16x16 map as a soft mask: each pixel's gain is the cell probability interpolated to it, raised to
/// <c>exponent</c>. A power above 1 lets through less of what the model is unsure of (p = 0.5 passes 1/8 of its
/// amplitude when cubed) and nearly all of what it is sure of.
/// </summary>
public sealed class SmoothCellMask(ProbabilityMap map, int exponent = 1) : ISpectralMask
{
    private readonly CellInterpolation _cells = new(map);

    public int ContextFrames => 0;

    public void Gains(long frame, SpectralContext context, Span<float> gains)
    {
        _cells.Fill(frame, gains);
        for (var bin = 0; bin < gains.Length && exponent > 1; bin++)
        {
            var (probability, gain) = (gains[bin], gains[bin]);
            for (var power = 1; power < exponent; power++)
            {
                gain *= probability;
            }

            gains[bin] = gain;
        }
    }
}
