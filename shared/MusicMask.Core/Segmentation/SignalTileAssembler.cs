using MusicMask.Transforms;

namespace MusicMask.Segmentation;

/// <summary>
/// Cuts the streaming 44.1 kHz signal into <see cref="SignalTile"/>s and hands each on as soon as its samples are
/// in. Holds at most one tile of samples; the tail tiles, and the grid, follow from the total length at <see cref="Complete"/>.
/// </summary>
public sealed class SignalTileAssembler(Action<SignalTile> onTile, int windowsPerTile)
{
    private readonly int _tileSamples = SignalTile.SamplesFor(new TileRange(0, 0, windowsPerTile));
    private readonly long _advance = (long)windowsPerTile * WindowGrid.Stride * SpectrogramParameters.Hop;
    private float[] _buffer = new float[SignalTile.SamplesFor(new TileRange(0, 0, windowsPerTile))];
    private int _buffered;
    private int _nextTile;

    public long Samples { get; private set; }

    public void Add(ReadOnlySpan<float> samples)
    {
        Samples += samples.Length;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(_tileSamples - _buffered, samples.Length);
            samples[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            samples = samples[take..];
            if (_buffered == _tileSamples)
            {
                var range = new TileRange(_nextTile, (long)_nextTile * windowsPerTile, windowsPerTile);
                Emit(range, range.Frames, _tileSamples);
            }
        }
    }

    /// <summary>Emits the remaining tiles of the grid the signal's length makes, and returns that grid.</summary>
    public WindowGrid Complete()
    {
        var realFrames = SpectrogramParameters.FramesFor(Samples);
        var grid = new WindowGrid(realFrames, windowsPerTile);
        while (_nextTile < grid.TileCount)
        {
            var range = grid.Tile(_nextTile);
            var real = (int)Math.Clamp(realFrames - range.StartFrame, 0, range.Frames);
            Emit(range, real, Math.Min(_buffered, SignalTile.SamplesFor(range)));
        }

        return grid;
    }

    private void Emit(TileRange range, int realFrames, int samples)
    {
        onTile(new SignalTile(range, realFrames, _buffer.AsSpan(0, samples).ToArray()));
        _nextTile++;
        var drop = (int)Math.Min(_advance, _buffered);
        _buffer.AsSpan(drop, _buffered - drop).CopyTo(_buffer);
        _buffered -= drop;
    }
}
