using System.Buffers.Binary;
using System.Text;
using MusicMask.Audio;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>
/// A folder of malformed and hostile inputs made by code, with a few good files among them: WAV truncated at every
/// chunk boundary, wrong and huge sizes, impossible formats, RF64 variants, other formats cut short, non-audio with
/// audio names, hostile names, links, loops and a named pipe. <see cref="Good"/> lists the names that must get results.
/// </summary>
public sealed class HostileCorpus
{
    private const int Rate = 44_100;
    private readonly string _folder;

    public HostileCorpus(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        WriteGoodFiles();
        WriteTruncations();
        WriteBadSizes();
        WriteBadFormats();
        WriteRf64Variants();
        WriteOtherFormatsCutShort();
        WriteNonAudio();
        WriteHostileNames();
        WriteLinks();
    }

    /// <summary>Names (relative to the folder) of the files that must come out with results.</summary>
    public List<string> Good { get; } = [];

    /// <summary>Two names of one file (a link and its target): it must be segmented once, under one of them.</summary>
    public (string Link, string Target) OneFileTwoNames { get; } = ("links/again.wav", "links/target.wav");

    /// <summary>Names of every input segment should end with a result or an error record for.</summary>
    public List<string> All { get; } = [];

    private static byte[] Pcm16Tone(double seconds) =>
        WavBytes.Pcm16(SignalGenerator.Melody((int)(seconds * Rate), Rate, seed: 3, level: 0.3f).Select(s => (short)(s * 32767)).ToArray());

    private static byte[] Canonical(double seconds = 1) => new WavBytes().Fmt(1, 1, Rate, 16).Data(Pcm16Tone(seconds)).ToArray();

    private void Add(string name, byte[] bytes, bool good = false)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        All.Add(name);
        if (good)
        {
            Good.Add(name);
        }
    }

    private void WriteGoodFiles()
    {
        Add("good/plain.wav", Canonical(), good: true);
        Add("good/stereo-24bit.wav", new WavBytes().Fmt(1, 2, 48_000, 24).Data(new byte[48_000 * 6]).ToArray(), good: true);
        Add("good/float64.wav", new WavBytes().Fmt(3, 1, 22_050, 64).Data(Doubles(22_050, 0.1)).ToArray(), good: true);
        Add("good/8bit.wav", new WavBytes().Fmt(1, 1, 8_000, 8).Data(Enumerable.Range(0, 8_000).Select(i => (byte)(128 + 60 * Math.Sin(i * 0.3))).ToArray()).ToArray(), good: true);
        Add("good/extensible-float.wav", new WavBytes().FmtExtensible(3, 1, Rate, 32, 32).Data(Floats(Rate, 0.2f)).ToArray(), good: true);
        Add("good/junk-and-odd-chunks.wav", new WavBytes().Chunk("JUNK", new byte[7]).Fmt(1, 1, Rate, 16).Chunk("LIST", new byte[3]).Data(Pcm16Tone(1)).ToArray(), good: true);
        Add("good/streamed-size.wav", new WavBytes().Fmt(1, 1, Rate, 16).Data(Pcm16Tone(1), declaredSize: 0xFFFFFFFF).ToArray(), good: true);
        Add("good/rate-1000.wav", new WavBytes().Fmt(1, 1, 1_000, 16).Data(new byte[2_000]).ToArray(), good: true);
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), Rate * 2);
        Add("good/rf64.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", ds64).Fmt(1, 1, Rate, 16).Data(Pcm16Tone(1), declaredSize: 0xFFFFFFFF).ToArray(), good: true);
    }

    /// <summary>The canonical file cut at every chunk boundary and inside each part: a header cut is an error, a data cut a shorter result.</summary>
    private void WriteTruncations()
    {
        var whole = new WavBytes().Fmt(1, 1, Rate, 16).Chunk("LIST", new byte[10]).Data(Pcm16Tone(1)).ToArray();
        int[] cuts = [1, 4, 8, 11, 12, 16, 20, 24, 30, 36, 44, 48, 54, 58, 62, 66];
        foreach (var cut in cuts)
        {
            Add($"truncated/at-{cut:D5}.wav", whole[..cut]);
        }

        foreach (var cut in new[] { 68, 1000, whole.Length / 2, whole.Length - 1 })
        {
            Add($"truncated/in-data-{cut:D6}.wav", whole[..cut], good: true);
        }
    }

    private void WriteBadSizes()
    {
        var tone = Pcm16Tone(0.5);
        foreach (var size in new uint[] { 0, 14, 15, 0xFFFFFFFF, 0x7FFFFFFF, 1 << 21 })
        {
            Add($"sizes/fmt-{size:X8}.wav", WithChunkSize(new WavBytes().Fmt(1, 1, Rate, 16).Data(tone).ToArray(), "fmt ", size));
        }

        foreach (var size in new uint[] { 0xFFFFFFFF, 0xFFFFFFFE, 0x80000000 })
        {
            Add($"sizes/list-{size:X8}.wav", new WavBytes().Fmt(1, 1, Rate, 16).Chunk("LIST", new byte[4], declaredSize: size).Data(tone).ToArray());
        }

        Add("sizes/data-0.wav", new WavBytes().Fmt(1, 1, Rate, 16).Data([], declaredSize: 0).ToArray());
        Add("sizes/data-1.wav", new WavBytes().Fmt(1, 1, Rate, 16).Data([0], declaredSize: 1).ToArray());
        Add("sizes/data-huge.wav", new WavBytes().Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFF0).ToArray(), good: true);
        Add("sizes/data-odd.wav", new WavBytes().Fmt(1, 1, Rate, 16).Data([.. tone, 7]).ToArray(), good: true);
        Add("sizes/riff-0.wav", WithRiffSize(Canonical(0.5), 0), good: true);
        Add("sizes/riff-huge.wav", WithRiffSize(Canonical(0.5), 0xFFFFFFFF), good: true);
    }

    private void WriteBadFormats()
    {
        var data = new byte[4_000];
        (string Name, WavBytes Wav)[] cases =
        [
            ("zero-channels", new WavBytes().Fmt(1, 0, Rate, 16, blockAlign: 2)),
            ("65535-channels", new WavBytes().Fmt(1, 65535, Rate, 8)),
            ("300-channels", new WavBytes().Fmt(1, 300, Rate, 16)),
            ("zero-rate", new WavBytes().Fmt(1, 1, 0, 16)),
            ("rate-1", new WavBytes().Fmt(1, 1, 1, 16)),
            ("rate-max", new WavBytes().Fmt(1, 1, unchecked((int)0xFFFFFFFF), 16, blockAlign: 2)),
            ("bits-0", new WavBytes().Fmt(1, 1, Rate, 0, blockAlign: 0)),
            ("bits-1", new WavBytes().Fmt(1, 1, Rate, 1, blockAlign: 1)),
            ("bits-12", new WavBytes().Fmt(1, 1, Rate, 12, blockAlign: 2)),
            ("bits-48", new WavBytes().Fmt(1, 1, Rate, 48)),
            ("bits-65535", new WavBytes().Fmt(1, 1, Rate, 65535, blockAlign: 8191)),
            ("float-16", new WavBytes().Fmt(3, 1, Rate, 16)),
            ("float-24", new WavBytes().Fmt(3, 1, Rate, 24)),
            ("block-align-0", new WavBytes().Fmt(1, 2, Rate, 16, blockAlign: 0)),
            ("block-align-wrong", new WavBytes().Fmt(1, 2, Rate, 16, blockAlign: 3)),
            ("adpcm", new WavBytes().Fmt(2, 1, Rate, 4, blockAlign: 256)),
            ("mp3-in-wav", new WavBytes().Fmt(0x55, 1, Rate, 0, blockAlign: 1)),
            ("extensible-bad-guid", ExtensibleWithGuidByte(0x42)),
            ("extensible-short", new WavBytes().Chunk("fmt ", ShortExtensible())),
        ];
        foreach (var (name, wav) in cases)
        {
            Add($"formats/{name}.wav", wav.Data(data).ToArray());
        }

        Add("formats/nan-samples.wav", new WavBytes().Fmt(3, 1, Rate, 32).Data(Floats(Rate, 0.2f, float.NaN)).ToArray());
        Add("formats/infinite-samples.wav", new WavBytes().Fmt(3, 1, Rate, 32).Data(Floats(Rate, 0.2f, float.PositiveInfinity)).ToArray());
        Add("formats/data-before-fmt.wav", new WavBytes().Data(data).Fmt(1, 1, Rate, 16).ToArray());
        Add("formats/no-data.wav", new WavBytes().Fmt(1, 1, Rate, 16).ToArray());
        Add("formats/no-fmt.wav", new WavBytes().Chunk("LIST", new byte[8]).ToArray());
        Add("formats/riff-not-wave.wav", "RIFF\u0004\0\0\0AVI "u8.ToArray());
    }

    private void WriteRf64Variants()
    {
        var tone = Pcm16Tone(0.5);
        Add("rf64/ds64-20-bytes.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", new byte[20]).Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray());
        Add("rf64/ds64-0-bytes.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", []).Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray());
        Add("rf64/no-ds64.wav", new WavBytes { Magic = "RF64" }.Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray());
        Add("rf64/ds64-negative.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", Ds64(-1)).Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray());
        Add("rf64/ds64-beyond-file.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", Ds64(1L << 40)).Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray(), good: true);
        Add("rf64/ds64-after-data-size.wav", new WavBytes { Magic = "RF64" }.Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).Chunk("ds64", Ds64(tone.Length)).ToArray());
        Add("rf64/ds64-huge-chunk.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", Ds64(tone.Length), declaredSize: 0xFFFFFFF0).Fmt(1, 1, Rate, 16).Data(tone).ToArray());
        Add("rf64/32-bit-size.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", Ds64(0)).Fmt(1, 1, Rate, 16).Data(tone).ToArray(), good: true);
        Add("rf64/ds64-table.wav", new WavBytes { Magic = "RF64" }.Chunk("ds64", [.. Ds64(tone.Length)[..24], 1, 0, 0, 0, .. "abcd"u8, 0, 0, 0, 0, 0, 0, 0, 0]).Fmt(1, 1, Rate, 16).Data(tone, declaredSize: 0xFFFFFFFF).ToArray(), good: true);
    }

    private void WriteOtherFormatsCutShort()
    {
        var source = Path.Combine(_folder, "..", "source-for-encoding.wav");
        WavWriter.Write(source, SignalGenerator.Melody(10 * Rate, Rate, seed: 5, level: 0.3f), Rate);
        foreach (var extension in new[] { "mp3", "ogg", "flac", "opus", "m4a" })
        {
            var encoded = Path.Combine(_folder, "..", $"encoded.{extension}");
            Ffmpeg.Convert(source, encoded);
            var bytes = File.ReadAllBytes(encoded);
            Add($"encoded/whole.{extension}", bytes, good: true);
            Add($"encoded/cut-half.{extension}", bytes[..(bytes.Length / 2)], good: extension != "m4a");
            Add($"encoded/cut-100.{extension}", bytes[..100]);
        }
    }

    private void WriteNonAudio()
    {
        Add("nonaudio/empty.wav", []);
        Add("nonaudio/one-byte.mp3", [0xFF]);
        Add("nonaudio/text.wav", "this is not audio\n"u8.ToArray());
        Add("nonaudio/html.m4a", "<html><body>not audio</body></html>"u8.ToArray());
        Add("nonaudio/png.flac", [0x89, .. "PNG\r\n\u001a\n"u8, .. new byte[64]]);
        Add("nonaudio/zip.ogg", [.. "PK\u0003\u0004"u8, .. new byte[64]]);
        Add("nonaudio/zeros.opus", new byte[4096]);
        Add("nonaudio/random.wma", RandomBytes(8192, seed: 1));
        Add("nonaudio/random-riff.wav", [.. "RIFF"u8, 0, 1, 0, 0, .. "WAVE"u8, .. RandomBytes(4096, seed: 2)]);
        Add("nonaudio/elf.aiff", [0x7F, .. "ELF"u8, .. new byte[60]]);
    }

    private void WriteHostileNames()
    {
        var wav = Canonical(0.5);
        string[] names =
        [
            "pipe:0.wav", "concat:a.wav|b.wav", "-i.wav", "--help.wav", "new\nline.wav", "\u001b[31mred.wav", "tab\there.wav",
            "quote\"and'apostrophe.wav", "percent%d%s.wav", "back\\slash.wav", " leading space.wav", ".hidden.wav", "..double-dot.wav",
            "ünïcödé-音楽.wav", "emoji-🎵.wav", $"{new string('x', 250)}.wav", $"{new string('é', 120)}.wav", "<script>alert(1)</script>.wav",
        ];
        foreach (var name in names)
        {
            Add($"names/{name}", wav, good: true);
        }
    }

    private void WriteLinks()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "links"));
        File.WriteAllBytes(Path.Combine(_folder, "links", "target.wav"), Canonical(0.5));
        File.CreateSymbolicLink(Path.Combine(_folder, "links", "again.wav"), "target.wav");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "links", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "links", "self-loop"), "self-loop");
        File.CreateSymbolicLink(Path.Combine(_folder, "links", "dangling.wav"), "nowhere.wav");
        All.Add("links/dangling.wav");
        File.CreateSymbolicLink(Path.Combine(_folder, "links", "link-loop.wav"), "link-loop.wav");
        All.Add("links/link-loop.wav");
        UnixFiles.MakeFifo(Path.Combine(_folder, "links", "fifo.wav"));
        All.Add("links/fifo.wav");
        Directory.CreateDirectory(Path.Combine(_folder, "links", "folder.wav"));
    }

    private static byte[] WithChunkSize(byte[] file, string id, uint size)
    {
        var at = file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(id));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 4), size);
        return file;
    }

    private static byte[] WithRiffSize(byte[] file, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), size);
        return file;
    }

    private static byte[] Ds64(long dataSize)
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), dataSize);
        return ds64;
    }

    private static WavBytes ExtensibleWithGuidByte(byte value)
    {
        var wav = new WavBytes().FmtExtensible(1, 1, Rate, 16, 16);
        var probe = wav.ToArray();
        var fmt = probe.AsSpan(20, 40).ToArray();
        fmt[30] = value;
        return new WavBytes().Chunk("fmt ", fmt);
    }

    private static byte[] ShortExtensible()
    {
        var fmt = new WavBytes().FmtExtensible(1, 1, Rate, 16, 16).ToArray().AsSpan(20, 24).ToArray();
        return fmt;
    }

    private static byte[] Floats(int count, float level, float? poison = null)
    {
        var bytes = new byte[4 * count];
        for (var i = 0; i < count; i++)
        {
            var value = poison is { } bad && i == count / 2 ? bad : level * MathF.Sin(i * 0.05f);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), value);
        }

        return bytes;
    }

    private static byte[] Doubles(int count, double level)
    {
        var bytes = new byte[8 * count];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), level * Math.Sin(i * 0.07));
        }

        return bytes;
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
