using System.Buffers.Binary;
using System.Text;

namespace MusicMask.Audio;

/// <summary>
/// Walks the chunks of a RIFF/WAVE or RF64 header up to the start of the data chunk, validating
/// everything a decoder relies on. Works on non-seekable streams.
/// </summary>
internal static class WavHeaderReader
{
    public const int MinSampleRate = 1_000;
    public const int MaxSampleRate = 768_000;
    private const ushort FormatPcm = 1;
    private const ushort FormatIeeeFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;
    public const int MaxChannels = 256;
    private const uint UnknownSize = 0xFFFFFFFF;
    private const int Ds64MinBytes = 28;
    private static readonly byte[] GuidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads the header; returns the format and the data length in bytes (null: until end of stream).</summary>
    public static (WavFormat Format, long? DataBytes) Read(Stream stream)
    {
        Span<byte> riff = stackalloc byte[12];
        ReadHeaderBytes(stream, riff, "RIFF header");
        var magic = Encoding.ASCII.GetString(riff[..4]);
        if (magic is not ("RIFF" or "RF64") || Encoding.ASCII.GetString(riff[8..12]) != "WAVE")
        {
            throw new AudioFormatException("not a RIFF/WAVE file");
        }

        var isRf64 = magic == "RF64";
        long? rf64DataSize = null;
        WavFormat? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            if (!TryReadHeaderBytes(stream, chunkHeader))
            {
                throw new AudioFormatException(format is null
                    ? "truncated WAV: no fmt chunk before the end of the file"
                    : "truncated WAV: no data chunk before the end of the file");
            }

            var id = Encoding.ASCII.GetString(chunkHeader[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            switch (id)
            {
                case "ds64" when isRf64:
                    rf64DataSize = ParseDs64(ReadChunk(stream, size, "ds64"));
                    break;
                case "fmt ":
                    format = ParseFormat(ReadChunk(stream, size, "fmt"));
                    break;
                case "data":
                    if (format is null)
                    {
                        throw new AudioFormatException("malformed WAV: data chunk comes before the fmt chunk");
                    }

                    if (isRf64 && size == UnknownSize && rf64DataSize is null)
                    {
                        throw new AudioFormatException("malformed RF64: the data chunk's size is in a ds64 chunk, and there is none before it");
                    }

                    long? dataBytes = isRf64 && size == UnknownSize ? rf64DataSize : size == UnknownSize ? null : size;
                    return (format, dataBytes);
                default:
                    Skip(stream, (long)size + (size & 1), id);
                    break;
            }
        }
    }

    private static WavFormat ParseFormat(byte[] fmt)
    {
        if (fmt.Length < 16)
        {
            throw new AudioFormatException($"malformed WAV: fmt chunk is {fmt.Length} bytes, needs at least 16");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(4));
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(12));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new AudioFormatException("malformed WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk shorter than 40 bytes");
            }

            if (!fmt.AsSpan(26, 14).SequenceEqual(GuidTail))
            {
                throw new AudioFormatException("unsupported WAV codec: WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24));
        }

        if (channels == 0)
        {
            throw new AudioFormatException("malformed WAV: zero channels");
        }

        if (channels > MaxChannels)
        {
            throw new AudioFormatException($"unsupported WAV: {channels} channels (at most {MaxChannels} are decoded)");
        }

        if (sampleRate is < MinSampleRate or > MaxSampleRate)
        {
            throw new AudioFormatException($"unsupported WAV: sample rate {sampleRate} Hz is outside {MinSampleRate}..{MaxSampleRate} Hz");
        }

        var encoding = tag switch
        {
            FormatPcm when bits is 8 or 16 or 24 or 32 => WavSampleEncoding.Pcm,
            FormatIeeeFloat when bits is 32 or 64 => WavSampleEncoding.IeeeFloat,
            FormatPcm or FormatIeeeFloat => throw new AudioFormatException($"unsupported WAV: {bits}-bit {(tag == FormatPcm ? "PCM" : "float")} samples"),
            _ => throw new AudioFormatException($"unsupported WAV codec: format tag 0x{tag:X4} (only PCM and IEEE float are decoded natively; convert with ffmpeg)"),
        };
        if (blockAlign != channels * bits / 8)
        {
            throw new AudioFormatException($"malformed WAV: block align {blockAlign} does not match {channels} channels of {bits} bits");
        }

        return new WavFormat(encoding, channels, (int)sampleRate, bits, blockAlign);
    }

    /// <summary>ds64 (EBU Tech 3306): RIFF size, data size and sample count (64-bit each), then a table length.</summary>
    private static long ParseDs64(byte[] ds64)
    {
        if (ds64.Length < Ds64MinBytes)
        {
            throw new AudioFormatException($"malformed RF64: ds64 chunk is {ds64.Length} bytes, needs at least {Ds64MinBytes}");
        }

        var dataSize = BinaryPrimitives.ReadInt64LittleEndian(ds64.AsSpan(8, 8));
        return dataSize >= 0
            ? dataSize
            : throw new AudioFormatException($"malformed RF64: ds64 declares a data size of {(ulong)dataSize} bytes");
    }

    private static byte[] ReadChunk(Stream stream, uint size, string name)
    {
        if (size > 1 << 20)
        {
            throw new AudioFormatException($"malformed WAV: {name} chunk claims {size} bytes");
        }

        var bytes = new byte[size];
        ReadHeaderBytes(stream, bytes, $"{name} chunk");
        if ((size & 1) == 1)
        {
            Skip(stream, 1, name);
        }

        return bytes;
    }

    private static void Skip(Stream stream, long count, string name)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                throw new AudioFormatException($"truncated WAV: '{name}' chunk runs past the end of the file");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var read = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (read == 0)
            {
                throw new AudioFormatException($"truncated WAV: '{name}' chunk runs past the end of the file");
            }

            count -= read;
        }
    }

    private static void ReadHeaderBytes(Stream stream, Span<byte> buffer, string what)
    {
        if (!TryReadHeaderBytes(stream, buffer))
        {
            throw new AudioFormatException($"truncated WAV: the file ends inside the {what}");
        }
    }

    private static bool TryReadHeaderBytes(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                return false;
            }

            total += read;
        }

        return true;
    }
}
