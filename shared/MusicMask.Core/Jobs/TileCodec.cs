using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Jobs;

/// <summary>
/// The blobs between ingest, scoring and aggregation: a tile (the float32 signal under it, see
/// <see cref="SignalTile"/>) and its window scores (float32 probabilities, band-major, plus the model that made
/// them and its <see cref="TimeContext"/>, which the aggregator applies over the whole recording). Little-endian, with a header that is checked against the message, so a wrong or truncated blob is an
/// error and never a wrong result.
/// </summary>
public static class TileCodec
{
    private const uint TileMagic = 0x32544D4D; // "MMT2"
    private const uint ScoresMagic = 0x31534D4D; // "MMS1"
    private const int TileHeader = 4 + 4 + 8 + 4 + 4 + 4;

    public static byte[] EncodeTile(SignalTile tile)
    {
        var bytes = new byte[TileHeader + tile.Samples.Length * sizeof(float)];
        var header = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(header, TileMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], tile.Range.Index);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], tile.Range.FirstWindow);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], tile.Range.Windows);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], tile.RealFrames);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], tile.Samples.Length);
        MemoryMarshal.AsBytes(tile.Samples.AsSpan()).CopyTo(bytes.AsSpan(TileHeader));
        return bytes;
    }

    public static SignalTile DecodeTile(ReadOnlySpan<byte> bytes, TileRange expected)
    {
        if (bytes.Length < TileHeader || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != TileMagic)
        {
            throw new InvalidDataException("not a MusicMask tile blob");
        }

        var range = new TileRange(BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]));
        if (range != expected)
        {
            throw new InvalidDataException($"tile blob holds {range}, the message asked for {expected}");
        }

        var realFrames = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        if (realFrames < 0 || realFrames > range.Frames || count < 0 || count > SignalTile.SamplesFor(range) ||
            (realFrames > 0 && (long)(realFrames - 1) * SpectrogramParameters.Hop >= count))
        {
            throw new InvalidDataException($"tile blob of {range} claims {realFrames} real frames over {count} samples");
        }

        var payload = bytes[TileHeader..];
        if (payload.Length != (long)count * sizeof(float))
        {
            throw new InvalidDataException($"tile blob has {payload.Length} bytes of samples, {(long)count * sizeof(float)} expected");
        }

        var samples = new float[count];
        payload.CopyTo(MemoryMarshal.AsBytes(samples.AsSpan()));
        if (!float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(samples)) && samples.Any(s => !float.IsFinite(s)))
        {
            throw new InvalidDataException($"tile blob of {range} holds samples that are not finite numbers");
        }

        return new SignalTile(range, realFrames, samples);
    }

    public static byte[] EncodeScores(WindowScores scores, ModelInfo model, TimeContext? timeContext)
    {
        // A fourth line only when there is a context, so that aggregators that know three lines still read what models without one score.
        var modelLine = $"{model.Name}\n{model.Version}\n{model.Sha256}" + (timeContext is null ? "" : $"\n{timeContext.ToProperty()}");
        var modelBytes = Encoding.UTF8.GetBytes(modelLine);
        var header = 4 + 4 + 8 + 4 + 4 + 4;
        var bytes = new byte[header + modelBytes.Length + scores.Probabilities.Length * sizeof(float)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, ScoresMagic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], scores.TileIndex);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], scores.FirstWindow);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], scores.Windows);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], scores.Probabilities.Length / scores.Windows);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], modelBytes.Length);
        modelBytes.CopyTo(span[header..]);
        MemoryMarshal.AsBytes(scores.Probabilities.AsSpan()).CopyTo(span[(header + modelBytes.Length)..]);
        return bytes;
    }

    /// <summary>A blob whose model has no time context names it in three lines.</summary>
    public static (WindowScores Scores, ModelInfo Model, TimeContext? TimeContext) DecodeScores(ReadOnlySpan<byte> bytes)
    {
        const int header = 28;
        if (bytes.Length < header || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != ScoresMagic)
        {
            throw new InvalidDataException("not a MusicMask scores blob");
        }

        var index = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var firstWindow = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        var windows = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        var bands = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        var modelLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        if (bands != WindowGrid.BandPositions || windows < 1 || modelLength is < 0 or > 1024 ||
            bytes.Length != header + modelLength + (long)bands * windows * sizeof(float))
        {
            throw new InvalidDataException($"scores blob of tile {index} is malformed or truncated");
        }

        var model = Encoding.UTF8.GetString(bytes.Slice(header, modelLength)).Split('\n');
        if (model.Length is not (3 or 4))
        {
            throw new InvalidDataException($"scores blob of tile {index} does not name its model");
        }

        TimeContext? timeContext;
        try
        {
            timeContext = model.Length == 4 && model[3].Length > 0 ? TimeContext.Parse(model[3]) : null;
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"scores blob of tile {index}: {error.Message}", error);
        }

        var probabilities = new float[bands * windows];
        bytes[(header + modelLength)..].CopyTo(MemoryMarshal.AsBytes(probabilities.AsSpan()));
        return (new WindowScores(index, firstWindow, windows, probabilities), new ModelInfo(model[0], model[1], model[2]), timeContext);
    }
}
