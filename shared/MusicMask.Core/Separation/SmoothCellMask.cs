using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>The paper's 16x16 map as a soft mask: each pixel's gain is the cell probability interpolated to it.</summary>
public sealed class SmoothCellMask(ProbabilityMap map) : ISpectralMask
{
    private readonly CellInterpolation _cells = new(map);

    public int ContextFrames => 0;

    public void Gains(long frame, SpectralContext context, Span<float> gains) => _cells.Fill(frame, gains);
}
