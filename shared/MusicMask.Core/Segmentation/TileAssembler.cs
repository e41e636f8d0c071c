using System.Buffers;
using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>
/// Collects streaming STFT frames into overlapping tiles and hands each one on as soon as its frames are in.
/// Needs no knowledge of the total length until <see cref="Complete"/>, and holds at most one tile of frames.
/// </summary>
public sealed class TileAssembler
{
    private const int Bins = SpectrogramParameters.Bins;
    private readonly int _windowsPerTile;
    private readonly Action<SpectrogramTile> _onTile;
    private readonly int _fullFrames;
    private readonly int _advance;
    private float[] _buffer;
    private int _buffered;
    private long _bufferStart;
    private int _nextTile;

    public TileAssembler(Action<SpectrogramTile> onTile, int windowsPerTile = WindowGrid.DefaultWindowsPerTile)
    {
        _onTile = onTile;
        _windowsPerTile = windowsPerTile;
        _fullFrames = (windowsPerTile - 1) * WindowGrid.Stride + WindowGrid.WindowWidth;
        _advance = windowsPerTile * WindowGrid.Stride;
        _buffer = ArrayPool<float>.Shared.Rent(_fullFrames * Bins);
    }

    /// <summary>Frames received so far.</summary>
    public long Frames { get; private set; }

    public void AddFrame(ReadOnlySpan<float> decibels)
    {
        decibels[..Bins].CopyTo(_buffer.AsSpan(_buffered * Bins));
        _buffered++;
        Frames++;
        if (_buffered == _fullFrames)
        {
            var range = new TileRange(_nextTile, (long)_nextTile * _windowsPerTile, _windowsPerTile);
            Emit(range);
        }
    }

    /// <summary>Pads the spectrogram as <see cref="WindowGrid"/> says and emits the remaining tiles.</summary>
    public WindowGrid Complete()
    {
        if (Frames == 0)
        {
            throw new InvalidOperationException("no frames: the signal is empty");
        }

        var grid = new WindowGrid(Frames, _windowsPerTile);
        while (_nextTile < grid.TileCount)
        {
            var range = grid.Tile(_nextTile);
            var needed = (int)(range.EndFrame - _bufferStart);
            if (needed > _buffer.Length / Bins)
            {
                var larger = ArrayPool<float>.Shared.Rent(needed * Bins);
                _buffer.AsSpan(0, _buffered * Bins).CopyTo(larger);
                ArrayPool<float>.Shared.Return(_buffer);
                _buffer = larger;
            }

            _buffer.AsSpan(_buffered * Bins, (needed - _buffered) * Bins).Fill(SpectrogramParameters.SilenceDecibels);
            _buffered = Math.Max(_buffered, needed);
            Emit(range);
        }

        ArrayPool<float>.Shared.Return(_buffer);
        _buffer = [];
        return grid;
    }

    private void Emit(TileRange range)
    {
        var offset = (int)(range.StartFrame - _bufferStart);
        var frames = _buffer.AsSpan(offset * Bins, range.Frames * Bins).ToArray();
        _onTile(new SpectrogramTile(range, frames));
        _nextTile++;
        var next = (long)_nextTile * _advance;
        var drop = (int)Math.Min(next - _bufferStart, _buffered);
        _buffer.AsSpan(drop * Bins, (_buffered - drop) * Bins).CopyTo(_buffer);
        _buffered -= drop;
        _bufferStart += drop;
    }
}
