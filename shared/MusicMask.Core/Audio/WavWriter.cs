using System.Buffers.Binary;
using System.Text;

namespace MusicMask.Audio;

/// <summary>Writes interleaved samples as a canonical RIFF/WAVE file: PCM 16-bit or IEEE float 32-bit.</summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _float;
    private readonly int _channels;
    private readonly long _headerStart;
    private long _dataBytes;

    public WavWriter(Stream stream, int sampleRate, int channels = 1, bool floatSamples = false)
    {
        _stream = stream;
        _float = floatSamples;
        _channels = channels;
        _headerStart = stream.CanSeek ? stream.Position : 0;
        WriteHeader(sampleRate, 0);
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    public static void Write(string path, ReadOnlySpan<float> mono, int sampleRate, bool floatSamples = false)
    {
        using var file = File.Create(path);
        using var writer = new WavWriter(file, sampleRate, 1, floatSamples);
        writer.Write(mono);
    }

    /// <summary>Appends interleaved samples (clipped to [-1, 1] for PCM).</summary>
    public void Write(ReadOnlySpan<float> interleaved)
    {
        if (_float && BitConverter.IsLittleEndian)
        {
            _stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(interleaved));
            _dataBytes += interleaved.Length * sizeof(float);
            return;
        }

        var width = _float ? 4 : 2;
        var bytes = new byte[interleaved.Length * width];
        for (var i = 0; i < interleaved.Length; i++)
        {
            if (_float)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), interleaved[i]);
            }
            else
            {
                var value = (short)Math.Round(Math.Clamp(interleaved[i], -1f, 1f) * 32767f);
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), value);
            }
        }

        _stream.Write(bytes);
        _dataBytes += bytes.Length;
    }

    /// <summary>
    /// RIFF, fmt and data headers; a float file's fmt chunk carries its cbSize and is followed by a fact chunk
    /// (the sample frames), as the WAVE format asks of every format but PCM.
    /// </summary>
    private void WriteHeader(int sampleRate, long dataBytes)
    {
        var bits = _float ? 32 : 16;
        var blockAlign = _channels * bits / 8;
        var fmtBytes = _float ? 18 : 16;
        var factBytes = _float ? 12 : 0;
        var header = new byte[12 + 8 + fmtBytes + factBytes + 8];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)Math.Min(uint.MaxValue, header.Length - 8 + dataBytes));
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(header, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)fmtBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), (ushort)(_float ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), (ushort)_channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), (ushort)bits);
        var at = 20 + fmtBytes;
        if (_float)
        {
            Encoding.ASCII.GetBytes("fact").CopyTo(header, at);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at + 4), 4);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at + 8), (uint)Math.Min(uint.MaxValue, dataBytes / blockAlign));
            at += factBytes;
        }

        Encoding.ASCII.GetBytes("data").CopyTo(header, at);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at + 4), (uint)Math.Min(uint.MaxValue, dataBytes));
        _stream.Write(header);
    }

    public void Dispose()
    {
        if (_stream.CanSeek)
        {
            var end = _stream.Position;
            _stream.Position = _headerStart;
            WriteHeader(SampleRate, _dataBytes);
            _stream.Position = end;
        }

        _stream.Flush();
    }
}
