using System.Numerics.Tensors;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>Two soft masks applied one after the other: their gains multiplied.</summary>
public sealed class MaskProduct(ISpectralMask first, ISpectralMask second) : ISpectralMask
{
    private readonly float[] _second = new float[RealFft512.SpectrumBins];

    public int ContextFrames => Math.Max(first.ContextFrames, second.ContextFrames);

    public void Gains(long frame, SpectralContext context, Span<float> gains)
    {
        first.Gains(frame, context, gains);
        second.Gains(frame, context, _second);
        TensorPrimitives.Multiply(gains, _second, gains);
    }
}
