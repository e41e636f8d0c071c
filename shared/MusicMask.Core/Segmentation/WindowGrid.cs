using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>
/// Where the 64x256 observation windows fall on a spectrogram of a given length, and how they are split into
/// tiles: the single source of truth for padding, window counts, cell counts and tile ranges.
/// </summary>
public sealed record WindowGrid
{
    public const int WindowHeight = 64;
    public const int WindowWidth = 256;
    public const int Stride = 16;

    /// <summary>Samples one window spans: its 256 frames' hops and the last frame's FFT.</summary>
    public const int WindowSamples = (WindowWidth - 1) * SpectrogramParameters.Hop + SpectrogramParameters.FftSize;

    public const int BandPositions = (SpectrogramParameters.Bins - WindowHeight) / Stride + 1;
    public const int CellRows = SpectrogramParameters.Bins / Stride;
    public const int CellsPerWindowRow = WindowHeight / Stride;
    public const int CellsPerWindowColumn = WindowWidth / Stride;
    public const int DefaultWindowsPerTile = 128;

    public WindowGrid(long realFrames, int windowsPerTile = DefaultWindowsPerTile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(realFrames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowsPerTile, 1);
        RealFrames = realFrames;
        WindowsPerTile = windowsPerTile;
        PaddedFrames = realFrames <= WindowWidth ? WindowWidth : WindowWidth + (realFrames - WindowWidth + Stride - 1) / Stride * Stride;
        WindowColumns = (PaddedFrames - WindowWidth) / Stride + 1;
        CellColumns = (realFrames + Stride - 1) / Stride;
        TileCount = (int)((WindowColumns + windowsPerTile - 1) / windowsPerTile);
    }

    /// <summary>Frames the signal really has.</summary>
    public long RealFrames { get; }

    /// <summary>Frames after padding: at least 256, and 256 + a multiple of 16.</summary>
    public long PaddedFrames { get; }

    /// <summary>Window positions along time.</summary>
    public long WindowColumns { get; }

    /// <summary>16-frame cell columns of the map, cropped to the real duration.</summary>
    public long CellColumns { get; }

    public int WindowsPerTile { get; }

    public int TileCount { get; }

    /// <summary>The window columns and frames tile <paramref name="index"/> covers.</summary>
    public TileRange Tile(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TileCount);
        var firstWindow = (long)index * WindowsPerTile;
        var windows = (int)Math.Min(WindowsPerTile, WindowColumns - firstWindow);
        return new TileRange(index, firstWindow, windows);
    }

    /// <summary>Frames a tile of <see cref="WindowsPerTile"/> windows spans, window context included.</summary>
    public int FramesPerFullTile => (WindowsPerTile - 1) * Stride + WindowWidth;
}

/// <summary>A tile: window columns [FirstWindow, FirstWindow + Windows), which need frames [StartFrame, EndFrame).</summary>
public readonly record struct TileRange(int Index, long FirstWindow, int Windows)
{
    public long StartFrame => FirstWindow * WindowGrid.Stride;

    public int Frames => (Windows - 1) * WindowGrid.Stride + WindowGrid.WindowWidth;

    public long EndFrame => StartFrame + Frames;
}
