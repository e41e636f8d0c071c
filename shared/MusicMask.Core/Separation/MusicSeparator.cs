using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// Splits a 44.1 kHz mono signal in two with a soft mask: the music is the masked resynthesis, the remainder is the
/// input minus the music, which is exactly the resynthesis under the complementary mask because the analysis and
/// resynthesis reproduce the input (<see cref="MaskedStft"/>).
/// </summary>
public static class MusicSeparator
{
    /// <summary>The music part of a signal held in memory.</summary>
    public static float[] Music(ReadOnlySpan<float> signal, ISpectralMask mask)
    {
        var music = new float[signal.Length];
        var stft = new MaskedStft(mask, (start, _, masked) => masked.CopyTo(music.AsSpan((int)start)));
        stft.Process(signal);
        stft.Flush();
        return music;
    }

    /// <summary>
    /// Streams <paramref name="read"/> (which fills a buffer and returns how many samples it gave, 0 at the end)
    /// through the mask, handing each block of music and remainder to <paramref name="onBlock"/> in order.
    /// </summary>
    public static long Separate(Func<Span<float>, int> read, ISpectralMask mask, Action<ReadOnlySpan<float>, ReadOnlySpan<float>> onBlock)
    {
        var remainder = new float[SpectrogramParameters.Hop];
        var stft = new MaskedStft(mask, (_, input, music) =>
        {
            var rest = remainder.AsSpan(0, input.Length);
            System.Numerics.Tensors.TensorPrimitives.Subtract(input, music, rest);
            onBlock(music, rest);
        });
        var block = new float[1 << 15];
        int count;
        while ((count = read(block)) > 0)
        {
            stft.Process(block.AsSpan(0, count));
        }

        stft.Flush();
        return stft.Samples;
    }
}
