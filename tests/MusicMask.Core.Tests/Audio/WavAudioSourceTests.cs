using System.Buffers.Binary;
using MusicMask.Audio;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Audio;

public class WavAudioSourceTests
{
    private static float[] ReadAll(byte[] file)
    {
        using var source = new WavAudioSource(new MemoryStream(file));
        var samples = new List<float>();
        var block = new float[7];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            samples.AddRange(block[..read]);
        }

        return samples.ToArray();
    }

    [Fact]
    public void Pcm16MonoDecodesToScaledFloats()
    {
        var file = new WavBytes().Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(0, 16384, -32768, 32767)).ToArray();
        Assert.Equal([0f, 0.5f, -1f, 32767f / 32768f], ReadAll(file));
    }

    [Fact]
    public void Pcm8IsUnsignedAroundMidpoint()
    {
        var file = new WavBytes().Fmt(1, 1, 8000, 8).Data([128, 192, 0, 255]).ToArray();
        Assert.Equal([0f, 0.5f, -1f, 127f / 128f], ReadAll(file));
    }

    [Fact]
    public void Pcm24IsSignExtended()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0, 0xFF, 0xFF, 0xFF];
        var file = new WavBytes().Fmt(1, 1, 48000, 24).Data(data).ToArray();
        Assert.Equal([0.5f, -0.5f, -1f / 8388608f], ReadAll(file));
    }

    [Fact]
    public void Pcm32AndFloat64Decode()
    {
        var pcm = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(pcm, int.MinValue / 2);
        BinaryPrimitives.WriteInt32LittleEndian(pcm.AsSpan(4), int.MaxValue);
        Assert.Equal([-0.5f, 1f], ReadAll(new WavBytes().Fmt(1, 1, 44100, 32).Data(pcm).ToArray()), new FloatTolerance(1e-6f));

        var doubles = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(doubles, 0.25);
        BinaryPrimitives.WriteDoubleLittleEndian(doubles.AsSpan(8), -0.75);
        Assert.Equal([0.25f, -0.75f], ReadAll(new WavBytes().Fmt(3, 1, 44100, 64).Data(doubles).ToArray()));
    }

    [Fact]
    public void ChannelsAreAveraged()
    {
        var floats = new byte[4 * 6];
        float[] interleaved = [0.3f, 0.6f, 0.9f, -1f, 0f, 1f];
        for (var i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4 * i), interleaved[i]);
        }

        var file = new WavBytes().Fmt(3, 3, 44100, 32).Data(floats).ToArray();
        Assert.Equal([0.6f, 0f], ReadAll(file), new FloatTolerance(1e-6f));

        var stereo = new WavBytes().Fmt(1, 2, 44100, 16).Data(WavBytes.Pcm16(16384, 0, -16384, -16384)).ToArray();
        Assert.Equal([0.25f, -0.5f], ReadAll(stereo));
    }

    [Fact]
    public void ExtensibleFormatUsesItsSubFormat()
    {
        var file = new WavBytes().FmtExtensible(1, 2, 96000, 24, 20)
            .Data([0x00, 0x00, 0x40, 0x00, 0x00, 0x40]).ToArray();
        using var source = new WavAudioSource(new MemoryStream(file));
        Assert.Equal(96000, source.SampleRate);
        Assert.Equal(2, source.Channels);
        Assert.Equal([0.5f], ReadAll(file));
    }

    [Fact]
    public void OddChunksAndPaddingBytesAreSkipped()
    {
        var file = new WavBytes()
            .Chunk("LIST", "INFOIART\u0003\0\0\0ab\0"u8.ToArray())
            .Fmt(1, 1, 22050, 16)
            .Chunk("fact", [1, 0, 0, 0, 9])
            .Data(WavBytes.Pcm16(100, -100))
            .ToArray();
        Assert.Equal([100f / 32768, -100f / 32768], ReadAll(file));
    }

    [Fact]
    public void StreamedLengthUnknownReadsToEnd()
    {
        var file = new WavBytes().Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1, 2, 3), declaredSize: 0xFFFFFFFF).ToArray();
        Assert.Equal(3, ReadAll(file).Length);
    }

    [Fact]
    public void Rf64WithDs64SizesDecodes()
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), 4);
        var file = new WavBytes { Magic = "RF64" }.Chunk("ds64", ds64).Fmt(1, 1, 44100, 16)
            .Data(WavBytes.Pcm16(8192, -8192), declaredSize: 0xFFFFFFFF).ToArray();
        Assert.Equal([0.25f, -0.25f], ReadAll(file));
    }

    public static TheoryData<string, byte[], string> MalformedFiles() => new()
    {
        { "truncated header", "RIFF\u0010\0\0\0WA"u8.ToArray(), "truncated WAV" },
        { "rf64 ds64 shorter than 28 bytes", new WavBytes { Magic = "RF64" }.Chunk("ds64", new byte[20]).Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1), declaredSize: 0xFFFFFFFF).ToArray(), "ds64 chunk is 20 bytes, needs at least 28" },
        { "rf64 without ds64", new WavBytes { Magic = "RF64" }.Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1), declaredSize: 0xFFFFFFFF).ToArray(), "there is none before it" },
        { "rf64 negative data size", new WavBytes { Magic = "RF64" }.Chunk("ds64", Ds64(-2)).Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1), declaredSize: 0xFFFFFFFF).ToArray(), "ds64 declares a data size of 18446744073709551614" },
        { "chunk size 0xFFFFFFFF", new WavBytes().Fmt(1, 1, 44100, 16).Chunk("LIST", new byte[6], declaredSize: 0xFFFFFFFF).Data(WavBytes.Pcm16(1, 2)).ToArray(), "'LIST' chunk runs past the end" },
        { "too many channels", new WavBytes().Fmt(1, 300, 44100, 16).Data(new byte[600]).ToArray(), "300 channels (at most 256" },
        { "zero channels", new WavBytes().Fmt(1, 0, 44100, 16, blockAlign: 2).Data(WavBytes.Pcm16(1)).ToArray(), "zero channels" },
        { "absurd rate", new WavBytes().Fmt(1, 1, 5_000_000, 16).Data(WavBytes.Pcm16(1)).ToArray(), "sample rate 5000000" },
        { "tiny rate", new WavBytes().Fmt(1, 1, 10, 16).Data(WavBytes.Pcm16(1)).ToArray(), "sample rate 10" },
        { "unknown codec", new WavBytes().Fmt(0x55, 1, 44100, 16).Data(WavBytes.Pcm16(1)).ToArray(), "format tag 0x0055" },
        { "12-bit pcm", new WavBytes().Fmt(1, 1, 44100, 12, blockAlign: 2).Data(WavBytes.Pcm16(1)).ToArray(), "12-bit PCM" },
        { "bad block align", new WavBytes().Fmt(1, 2, 44100, 16, blockAlign: 3).Data(WavBytes.Pcm16(1, 1)).ToArray(), "block align 3" },
        { "no fmt", new WavBytes().Data(WavBytes.Pcm16(1)).ToArray(), "before the fmt chunk" },
        { "no data", new WavBytes().Fmt(1, 1, 44100, 16).ToArray(), "no data chunk" },
        { "not wave", "RIFF\u0004\0\0\0AVI "u8.ToArray(), "not a RIFF/WAVE" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void MalformedInputGetsASpecificError(string description, byte[] file, string expected)
    {
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(file));
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{description}: '{error.Message}' lacks '{expected}'");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DataCutShortDecodesWhatIsThereAndSaysHowMuchIsMissing(bool seekable)
    {
        var file = new WavBytes().Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1, 2, 3), declaredSize: 88200).ToArray();
        using var source = new WavAudioSource(seekable ? new MemoryStream(file) : new NonSeekableStream(file));

        var samples = new float[100];
        Assert.Equal(3, source.ReadFully(samples));
        Assert.Equal(3f / 32768, samples[2]);
        var truncation = Assert.IsType<Truncation>(source.Truncation);
        Assert.Equal(1.0, truncation.DeclaredSeconds);
        Assert.Equal(3.0 / 44100, truncation.DecodedSeconds, 6);
        Assert.Contains("declares 88200 bytes but only 6 follow", truncation.Reason);
    }

    [Fact]
    public void AWholeFileHasNoTruncation()
    {
        using var source = new WavAudioSource(new MemoryStream(new WavBytes().Fmt(1, 1, 44100, 16).Data(WavBytes.Pcm16(1, 2, 3)).ToArray()));
        Assert.Equal(3, source.ReadFully(new float[10]));
        Assert.Null(source.Truncation);
    }

    [Fact]
    public void ManyChannelsDecodeInBoundedBuffers()
    {
        var frame = Enumerable.Repeat((short)8192, 256).ToArray();
        var file = new WavBytes().Fmt(1, 256, 44100, 16).Data(WavBytes.Pcm16([.. frame, .. frame, .. frame])).ToArray();
        using var source = new WavAudioSource(new MemoryStream(file));
        var samples = new float[10];
        Assert.Equal(3, source.ReadFully(samples));
        Assert.Equal(0.25f, samples[0]);
    }

    private static byte[] Ds64(long dataSize)
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), dataSize);
        return ds64;
    }

    [Fact]
    public void NaNSamplesAreRejectedWithTheirPosition()
    {
        var floats = new byte[12];
        BinaryPrimitives.WriteSingleLittleEndian(floats, 0.1f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4), 0.2f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(8), float.NaN);
        var file = new WavBytes().Fmt(3, 1, 44100, 32).Data(floats).ToArray();
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(file));
        Assert.Contains("sample 2 is not a finite number", error.Message);
    }

    [Fact]
    public void AStreamEndingInsideItsFirstFloatFrameHasNoSamplesAndIsTruncated()
    {
        var file = new WavBytes().Fmt(3, 2, 44100, 32).Data([1, 2, 3], declaredSize: 800).ToArray();
        using var source = new WavAudioSource(new NonSeekableStream(file));
        Assert.Equal(0, source.Read(new float[10]));
        Assert.NotNull(source.Truncation);
    }

    [Fact]
    public void FiniteSamplesWhoseSumOverflowsAreRefusedAsCorrupt()
    {
        var floats = new byte[12];
        BinaryPrimitives.WriteSingleLittleEndian(floats, 3e38f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4), 3e38f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(8), 0.5f);
        var file = new WavBytes().Fmt(3, 1, 44100, 32).Data(floats).ToArray();
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(file));
        Assert.Contains("sample 0 is 3E+38, far outside the ±1 range", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SkipMovesPastFramesByTheSameCountWhetherItSeeksOrReads(bool seekable)
    {
        var file = new WavBytes().Fmt(1, 2, 44100, 16).Data(WavBytes.Pcm16(0, 0, 100, 300, 1000, 3000, 2000, 4000)).ToArray();
        using var source = new WavAudioSource(seekable ? new MemoryStream(file) : new NonSeekableStream(file));

        Assert.Equal(2, source.Skip(2));
        var next = new float[1];
        Assert.Equal(1, source.Read(next));
        Assert.Equal(2000f / 32768, next[0]);
        Assert.Equal(1, source.Skip(5));
        Assert.Equal(0, source.Read(next));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
