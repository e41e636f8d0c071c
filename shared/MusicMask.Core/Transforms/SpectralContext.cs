namespace MusicMask.Transforms;

/// <summary>The power spectra (|X|², 257 bins) of the frames around the one being masked.</summary>
public sealed class SpectralContext
{
    private readonly float[][] _power;
    private readonly float[] _none = new float[RealFft512.SpectrumBins];
    private long _centre;
    private long _first;

    internal SpectralContext(int contextFrames)
    {
        Frames = contextFrames;
        _power = Enumerable.Range(0, 2 * contextFrames + 1).Select(_ => new float[RealFft512.SpectrumBins]).ToArray();
    }

    /// <summary>How far either side of the centre frame <see cref="Power"/> reaches.</summary>
    public int Frames { get; }

    /// <summary>The power spectrum <paramref name="offset"/> frames from the masked one; zeros before the first frame analysed.</summary>
    public ReadOnlySpan<float> Power(int offset)
    {
        if (Math.Abs(offset) > Frames)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"the context reaches {Frames} frames either side");
        }

        var frame = _centre + offset;
        return frame < _first ? _none : _power[IndexOf(frame)];
    }

    internal Span<float> Slot(long frame) => _power[IndexOf(frame)];

    private int IndexOf(long frame) => (int)(((frame % _power.Length) + _power.Length) % _power.Length);

    internal void Start(long firstFrame) => _first = firstFrame;

    internal void Centre(long frame) => _centre = frame;
}
