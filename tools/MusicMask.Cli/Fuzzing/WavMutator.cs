using System.Buffers.Binary;
using System.Text;

namespace MusicMask.Cli.Fuzzing;

/// <summary>
/// Makes mutated WAV and RF64 files from a few well-formed seeds: bytes flipped in the header, size, count, rate
/// and format fields set to edge values (0, 1, odd, 2^31, 2^32 - 1, negative 64-bit), chunks repeated, dropped
/// or cut, the file truncated. Deterministic for a seed.
/// </summary>
internal sealed class WavMutator(int seed)
{
    private static readonly uint[] Edge32 = [0, 1, 2, 3, 7, 16, 28, 40, 255, 65535, 65536, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];
    private static readonly ushort[] Edge16 = [0, 1, 2, 3, 8, 12, 16, 24, 32, 48, 64, 255, 256, 257, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];
    private static readonly long[] Edge64 = [0, 1, -1, long.MinValue, long.MaxValue, 1L << 32, 1L << 40, 44];
    private readonly Random _random = new(seed);
    private readonly byte[][] _seeds = [Seeds.Pcm16Mono(), Seeds.Pcm24Stereo(), Seeds.FloatExtensible(), Seeds.Rf64(), Seeds.WithListChunk()];

    public byte[] Next()
    {
        var file = _seeds[_random.Next(_seeds.Length)].ToArray();
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            file = Mutate(file);
        }

        return file;
    }

    private byte[] Mutate(byte[] file)
    {
        var header = Math.Min(file.Length, 96);
        if (header == 0)
        {
            return file;
        }

        switch (_random.Next(8))
        {
            case 0:
                file[_random.Next(header)] ^= (byte)(1 << _random.Next(8));
                return file;
            case 1:
                file[_random.Next(header)] = (byte)_random.Next(256);
                return file;
            case 2 when header >= 4:
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(_random.Next(header - 3)), Edge32[_random.Next(Edge32.Length)]);
                return file;
            case 3 when header >= 2:
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(_random.Next(header - 1)), Edge16[_random.Next(Edge16.Length)]);
                return file;
            case 4 when header >= 8:
                BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(_random.Next(header - 7)), Edge64[_random.Next(Edge64.Length)]);
                return file;
            case 5:
                return file[.._random.Next(file.Length + 1)];
            case 6 when header > 12:
                var start = 12 + _random.Next(header - 12);
                var length = _random.Next(1, 24);
                return [.. file[..start], .. file.AsSpan(start, Math.Min(length, file.Length - start)), .. file[start..]];
            default:
                var chunk = Seeds.Chunk(RandomId(), new byte[_random.Next(0, 40)]);
                var at = 12 + _random.Next(Math.Max(1, header - 12));
                return at <= file.Length ? [.. file[..at], .. chunk, .. file[at..]] : file;
        }
    }

    private string RandomId() => new[] { "fmt ", "data", "ds64", "LIST", "fact", "JUNK", "bext" }[_random.Next(7)];

    /// <summary>Small well-formed files, a few hundred samples each.</summary>
    private static class Seeds
    {
        private const int Rate = 44_100;

        public static byte[] Pcm16Mono() => Riff("RIFF", Chunk("fmt ", Fmt(1, 1, Rate, 16)), Chunk("data", Samples(400, 2)));

        public static byte[] Pcm24Stereo() => Riff("RIFF", Chunk("fmt ", Fmt(1, 2, 48_000, 24)), Chunk("data", Samples(200, 6)));

        public static byte[] FloatExtensible()
        {
            var fmt = new byte[40];
            Fmt(0xFFFE, 1, Rate, 32).CopyTo(fmt, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), 32);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), 3);
            byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(fmt, 26);
            return Riff("RIFF", Chunk("fmt ", fmt), Chunk("data", Samples(300, 4)));
        }

        public static byte[] Rf64()
        {
            var data = Samples(400, 2);
            var ds64 = new byte[28];
            BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), data.Length);
            var dataChunk = Chunk("data", data);
            BinaryPrimitives.WriteUInt32LittleEndian(dataChunk.AsSpan(4), 0xFFFFFFFF);
            return Riff("RF64", Chunk("ds64", ds64), Chunk("fmt ", Fmt(1, 1, Rate, 16)), dataChunk);
        }

        public static byte[] WithListChunk() => Riff("RIFF", Chunk("fmt ", Fmt(1, 1, Rate, 16)), Chunk("LIST", new byte[13]), Chunk("data", Samples(400, 2)));

        public static byte[] Chunk(string id, byte[] body)
        {
            var chunk = new byte[8 + body.Length + (body.Length & 1)];
            Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
            body.CopyTo(chunk, 8);
            return chunk;
        }

        private static byte[] Fmt(ushort tag, int channels, int rate, int bits)
        {
            var fmt = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * channels * bits / 8));
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
            return fmt;
        }

        private static byte[] Samples(int frames, int frameBytes)
        {
            var bytes = new byte[frames * frameBytes];
            new Random(frames).NextBytes(bytes);
            return bytes;
        }

        private static byte[] Riff(string magic, params byte[][] chunks)
        {
            var body = chunks.SelectMany(c => c).ToArray();
            var file = new byte[12 + body.Length];
            Encoding.ASCII.GetBytes(magic).CopyTo(file, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), magic == "RF64" ? 0xFFFFFFFF : (uint)(4 + body.Length));
            Encoding.ASCII.GetBytes("WAVE").CopyTo(file, 8);
            body.CopyTo(file, 12);
            return file;
        }
    }
}
