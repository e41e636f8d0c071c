namespace MusicMask.Segmentation;

/// <summary>
/// A run of spectrogram frames, time-major: frame f's 256 dB values are at [f·256, f·256+256).
/// </summary>
public sealed record SpectrogramTile(TileRange Range, float[] Frames)
{
    public int FrameCount => Range.Frames;
}
