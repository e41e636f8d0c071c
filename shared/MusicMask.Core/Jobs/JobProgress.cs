using System.Buffers.Binary;
using System.Numerics;

namespace MusicMask.Jobs;

/// <summary>
/// work/{job}/progress.bin: the batch count (once ingest knows it) and one bit per scored batch. Small enough to
/// rewrite whole on every completion (750 bytes for a 10-hour file), so progress costs one read and one
/// conditional write per message, and a repeated completion changes nothing.
/// </summary>
public sealed class JobProgress
{
    private const int Unknown = -1;
    private byte[] _bits;

    private JobProgress(int batches, byte[] bits)
    {
        Batches = batches;
        _bits = bits;
    }

    /// <summary>How many batches the job has, or -1 while ingest is still running.</summary>
    public int Batches { get; private set; }

    public int Scored => _bits.Sum(b => BitOperations.PopCount(b));

    public bool IsComplete => Batches > 0 && Scored == Batches;

    public static JobProgress Empty() => new(Unknown, []);

    public static JobProgress Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            throw new InvalidDataException("progress blob is truncated");
        }

        return new JobProgress(BinaryPrimitives.ReadInt32LittleEndian(bytes), bytes[4..].ToArray());
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[4 + _bits.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Batches);
        _bits.CopyTo(bytes, 4);
        return bytes;
    }

    public bool IsScored(int batch) => batch / 8 < _bits.Length && (_bits[batch / 8] & (1 << (batch % 8))) != 0;

    /// <summary>Marks a batch scored; false when it already was (a duplicate delivery).</summary>
    public bool MarkScored(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if (Batches > 0 && batch >= Batches)
        {
            throw new InvalidDataException($"batch {batch} is beyond the job's {Batches} batches");
        }

        if (IsScored(batch))
        {
            return false;
        }

        if (batch / 8 >= _bits.Length)
        {
            Array.Resize(ref _bits, batch / 8 + 1);
        }

        _bits[batch / 8] |= (byte)(1 << (batch % 8));
        return true;
    }

    /// <summary>Records the batch count; false when it was already recorded.</summary>
    public bool SetBatches(int batches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        if (Batches == batches)
        {
            return false;
        }

        if (Batches > 0)
        {
            throw new InvalidDataException($"the job was sealed with {Batches} batches, now {batches}");
        }

        if (_bits.Length > (batches + 7) / 8 || Enumerable.Range(batches, Math.Max(0, _bits.Length * 8 - batches)).Any(IsScored))
        {
            throw new InvalidDataException($"batches beyond {batches} were reported scored");
        }

        Batches = batches;
        return true;
    }
}
