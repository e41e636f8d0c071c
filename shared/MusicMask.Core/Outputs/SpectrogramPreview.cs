using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Outputs;

/// <summary>
/// A small copy of the spectrogram for the overlay picture, built while streaming: one column per 16-frame cell
/// column, 128 rows (2 bins each), mean dB quantised to a byte. About 128 bytes per 0.046 s of audio.
/// </summary>
public sealed class SpectrogramPreview
{
    public const int Rows = SpectrogramParameters.Bins / 2;
    public const float FloorDecibels = -100f;
    public const float RangeDecibels = 150f;
    private readonly List<byte[]> _columns = [];
    private readonly float[] _sum = new float[Rows];
    private int _framesInColumn;

    public int Columns => _columns.Count;

    public void AddFrame(ReadOnlySpan<float> decibels)
    {
        for (var row = 0; row < Rows; row++)
        {
            _sum[row] += decibels[2 * row] + decibels[2 * row + 1];
        }

        if (++_framesInColumn == WindowGrid.Stride)
        {
            CloseColumn();
        }
    }

    /// <summary>Closes a final partial column.</summary>
    public void Complete()
    {
        if (_framesInColumn > 0)
        {
            CloseColumn();
        }
    }

    /// <summary>dB value of preview cell (row, column); row 0 is the lowest frequency.</summary>
    public float Decibels(int row, int column) => Decibels(Quantised(row, column));

    /// <summary>The byte preview cell (row, column) is stored as.</summary>
    public byte Quantised(int row, int column) => _columns[column][row];

    /// <summary>The dB value a stored byte stands for.</summary>
    public static float Decibels(byte quantised) => FloorDecibels + quantised * RangeDecibels / 255f;

    /// <summary>The finished columns, column after column (what the distributed pipeline keeps for the aggregator).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_columns.Count * Rows];
        for (var column = 0; column < _columns.Count; column++)
        {
            _columns[column].CopyTo(bytes, column * Rows);
        }

        return bytes;
    }

    public static SpectrogramPreview FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % Rows != 0)
        {
            throw new InvalidDataException($"a preview is a whole number of {Rows}-byte columns, not {bytes.Length} bytes");
        }

        var preview = new SpectrogramPreview();
        for (var offset = 0; offset < bytes.Length; offset += Rows)
        {
            preview._columns.Add(bytes.Slice(offset, Rows).ToArray());
        }

        return preview;
    }

    private void CloseColumn()
    {
        var column = new byte[Rows];
        for (var row = 0; row < Rows; row++)
        {
            var mean = _sum[row] / (2 * _framesInColumn);
            column[row] = (byte)Math.Clamp((mean - FloorDecibels) * 255f / RangeDecibels, 0f, 255f);
        }

        _columns.Add(column);
        Array.Clear(_sum);
        _framesInColumn = 0;
    }
}
