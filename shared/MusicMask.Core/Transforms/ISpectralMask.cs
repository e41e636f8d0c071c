namespace MusicMask.Transforms;

/// <summary>A gain per bin (0 = DC .. 256 = Nyquist) for each frame that <see cref="MaskedStft"/> resynthesises.</summary>
public interface ISpectralMask
{
    /// <summary>Frames of spectrum after (and before) the masked frame that <see cref="Gains"/> may look at.</summary>
    int ContextFrames { get; }

    /// <summary>
    /// Fills <paramref name="gains"/> (257 values) for frame <paramref name="frame"/>, which covers samples
    /// [128·frame, 128·frame + 512) and may be one of the three frames before the signal's first (-3..-1).
    /// </summary>
    void Gains(long frame, SpectralContext context, Span<float> gains);
}
