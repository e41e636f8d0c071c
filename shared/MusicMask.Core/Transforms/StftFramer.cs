using System.Numerics.Tensors;

namespace MusicMask.Transforms;

/// <summary>
/// Streaming short-time analysis: frame t covers samples [128t, 128t+512) of the 44.1 kHz signal, weighted by a
/// periodic Hann window; each frame is delivered as 256 dB values 10·log10(|X|² + 1e-10).
/// Frames reaching past the end of the signal see zeros there.
/// </summary>
public sealed class StftFramer
{
    private const int N = SpectrogramParameters.FftSize;
    private const int Hop = SpectrogramParameters.Hop;
    private readonly RealFft512 _fft = new();
    private readonly Action<ReadOnlySpan<float>> _onFrame;
    private readonly float[] _buffer = new float[N];
    private readonly float[] _windowed = new float[N];
    private readonly float[] _frame = new float[SpectrogramParameters.Bins];
    private int _filled;

    /// <param name="onFrame">Receives each frame's 256 dB values (bin 0 first); the span is reused after the call.</param>
    public StftFramer(Action<ReadOnlySpan<float>> onFrame) => _onFrame = onFrame;

    /// <summary>Samples fed so far.</summary>
    public long Samples { get; private set; }

    /// <summary>Frames delivered so far.</summary>
    public long Frames { get; private set; }

    public void Process(ReadOnlySpan<float> samples)
    {
        Samples += samples.Length;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(N - _filled, samples.Length);
            samples[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            samples = samples[take..];
            if (_filled == N)
            {
                EmitFrame();
                _buffer.AsSpan(Hop).CopyTo(_buffer);
                _filled -= Hop;
            }
        }
    }

    /// <summary>Ends the signal: emits every remaining frame that starts inside it, zero-padded.</summary>
    public void Flush()
    {
        var total = SpectrogramParameters.FramesFor(Samples);
        while (Frames < total)
        {
            _buffer.AsSpan(_filled).Clear();
            EmitFrame();
            _buffer.AsSpan(Hop).CopyTo(_buffer);
            _filled = Math.Max(0, _filled - Hop);
        }
    }

    private void EmitFrame()
    {
        TensorPrimitives.Multiply(_buffer, AnalysisWindow.Hann, _windowed);
        _fft.Power(_windowed, _frame);
        ToDecibels(_frame);
        Frames++;
        _onFrame(_frame);
    }

    /// <summary>
    /// A whole signal's first <paramref name="frames"/> frames, frequency-major [256, frames] as the model takes them,
    /// frames past the signal's last at the spectrogram's floor.
    /// </summary>
    public static float[] FrequencyMajor(ReadOnlySpan<float> signal, int frames)
    {
        const int bins = SpectrogramParameters.Bins;
        var decibels = new float[bins * frames];
        Array.Fill(decibels, SpectrogramParameters.SilenceDecibels);
        var frame = 0;
        var framer = new StftFramer(values =>
        {
            if (frame < frames)
            {
                for (var b = 0; b < bins; b++)
                {
                    decibels[b * frames + frame] = values[b];
                }
            }

            frame++;
        });
        framer.Process(signal);
        framer.Flush();
        return decibels;
    }

    /// <summary>In place: p -> 10·log10(p + 1e-10).</summary>
    public static void ToDecibels(Span<float> power)
    {
        TensorPrimitives.Add(power, SpectrogramParameters.PowerFloor, power);
        TensorPrimitives.Log10(power, power);
        TensorPrimitives.Multiply(power, 10f, power);
    }
}
