using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// A per-pixel music probability as the soft mask: frequency-major [256, frames], bin 256 (Nyquist) read as bin 255,
/// the frames before the first and after the last as their nearest.
/// </summary>
public sealed class PixelProbabilityMask(float[] probabilities, int frames) : ISpectralMask
{
    public int ContextFrames => 0;

    public void Gains(long frame, SpectralContext context, Span<float> gains)
    {
        var t = (int)Math.Clamp(frame, 0, frames - 1);
        for (var bin = 0; bin < gains.Length; bin++)
        {
            gains[bin] = probabilities[Math.Min(bin, SpectrogramParameters.Bins - 1) * frames + t];
        }
    }
}
