using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace MusicMask.Audio;

/// <summary>Streams a RIFF/WAVE or RF64 file as mono float samples, a block at a time.</summary>
public sealed class WavAudioSource : IAudioSource
{
    private const int MaxBufferFrames = 4096;

    /// <summary>Float samples beyond this are corrupt data, not headroom; they would overflow the spectrogram's power.</summary>
    private const float MaxFloatMagnitude = 1e6f;
    private const int BufferBytes = 1 << 18;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly WavFormat _format;
    private long? _dataBytes;
    private readonly byte[] _buffer;
    private readonly float[] _samples;
    private long _consumed;
    private long _samplesRead;

    public WavAudioSource(Stream stream, bool ownsStream = true)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        (_format, _dataBytes) = WavHeaderReader.Read(stream);
        if (_dataBytes is { } declared && stream.CanSeek && declared > stream.Length - stream.Position)
        {
            var available = stream.Length - stream.Position;
            Truncation = Truncated(declared, available);
            _dataBytes = available - available % _format.BlockAlign;
        }

        var frames = Math.Clamp(BufferBytes / _format.BlockAlign, 1, MaxBufferFrames);
        _buffer = new byte[_format.BlockAlign * frames];
        _samples = new float[_format.Channels * frames];
    }

    public WavFormat WavFormat => _format;

    public int SampleRate => _format.SampleRate;

    public int Channels => _format.Channels;

    public long? Length => _dataBytes / _format.BlockAlign;

    public string Format => _format.Describe();

    public Truncation? Truncation { get; private set; }

    public int Read(Span<float> destination)
    {
        var frames = Math.Min(destination.Length, _buffer.Length / _format.BlockAlign);
        if (_dataBytes is { } total)
        {
            frames = (int)Math.Min(frames, (total - _consumed) / _format.BlockAlign);
        }

        if (frames <= 0)
        {
            return 0;
        }

        var bytes = FillBuffer(frames * _format.BlockAlign);
        var complete = bytes / _format.BlockAlign;
        DownMix(_buffer.AsSpan(0, complete * _format.BlockAlign), destination[..complete]);
        _samplesRead += complete;
        return complete;
    }

    /// <summary>
    /// Moves past up to <paramref name="frames"/> frames without decoding them: a seek where the stream allows one
    /// and the data chunk's size is known, else a read. Returns how many frames it moved past.
    /// </summary>
    public long Skip(long frames)
    {
        if (!_stream.CanSeek || _dataBytes is not { } total)
        {
            return this.Discard(frames);
        }

        var skipped = Math.Max(0, Math.Min(frames, (total - _consumed) / _format.BlockAlign));
        _stream.Seek(skipped * _format.BlockAlign, SeekOrigin.Current);
        _consumed += skipped * _format.BlockAlign;
        _samplesRead += skipped;
        return skipped;
    }

    private int FillBuffer(int wanted)
    {
        var total = 0;
        while (total < wanted)
        {
            var read = _stream.Read(_buffer, total, wanted - total);
            if (read == 0)
            {
                if (_dataBytes is { } declared)
                {
                    Truncation = Truncated(declared, _consumed + total);
                    _dataBytes = _consumed + total - (_consumed + total) % _format.BlockAlign;
                }

                break;
            }

            total += read;
        }

        _consumed += total;
        return total;
    }

    private Truncation Truncated(long declaredBytes, long availableBytes) => new(
        $"the data chunk declares {declaredBytes} bytes but only {availableBytes} follow",
        Math.Round((double)(availableBytes / _format.BlockAlign) / _format.SampleRate, 6),
        Math.Round((double)(declaredBytes / _format.BlockAlign) / _format.SampleRate, 6));

    private void DownMix(ReadOnlySpan<byte> block, Span<float> mono)
    {
        var channels = _format.Channels;
        var interleaved = _samples.AsSpan(0, mono.Length * channels);
        Convert(block, interleaved);
        // MaxMagnitude is NaN when any sample is: one comparison covers NaN, infinities and absurd magnitudes.
        if (_format.Encoding == WavSampleEncoding.IeeeFloat && interleaved.Length > 0 && !(TensorPrimitives.MaxMagnitude(interleaved) is var peak && Math.Abs(peak) <= MaxFloatMagnitude))
        {
            var bad = 0;
            while (Math.Abs(interleaved[bad]) <= MaxFloatMagnitude)
            {
                bad++;
            }

            throw new AudioFormatException(float.IsFinite(interleaved[bad])
                ? $"invalid WAV: sample {_samplesRead + bad / channels} is {interleaved[bad]:G3}, far outside the ±1 range of float audio"
                : $"invalid WAV: sample {_samplesRead + bad / channels} is not a finite number");
        }

        switch (channels)
        {
            case 1:
                interleaved.CopyTo(mono);
                break;
            case 2:
                for (var frame = 0; frame < mono.Length; frame++)
                {
                    mono[frame] = 0.5f * (interleaved[2 * frame] + interleaved[2 * frame + 1]);
                }

                break;
            default:
                var scale = 1f / channels;
                for (var frame = 0; frame < mono.Length; frame++)
                {
                    mono[frame] = TensorPrimitives.Sum(interleaved.Slice(frame * channels, channels)) * scale;
                }

                break;
        }
    }

    /// <summary>Raw little-endian samples to floats in [-1, 1].</summary>
    private void Convert(ReadOnlySpan<byte> raw, Span<float> samples)
    {
        switch (_format.Encoding, _format.BitsPerSample)
        {
            case (WavSampleEncoding.Pcm, 8):
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (raw[i] - 128) / 128f;
                }

                break;
            case (WavSampleEncoding.Pcm, 16):
                TensorPrimitives.ConvertTruncating(MemoryMarshal.Cast<byte, short>(raw), samples);
                TensorPrimitives.Multiply(samples, 1f / 32768f, samples);
                break;
            case (WavSampleEncoding.Pcm, 24):
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (raw[3 * i] | (raw[3 * i + 1] << 8) | ((sbyte)raw[3 * i + 2] << 16)) / 8388608f;
                }

                break;
            case (WavSampleEncoding.Pcm, 32):
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(raw[(4 * i)..]) / 2147483648.0);
                }

                break;
            case (WavSampleEncoding.IeeeFloat, 32):
                MemoryMarshal.Cast<byte, float>(raw).CopyTo(samples);
                break;
            default:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(8 * i)..]);
                }

                break;
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
