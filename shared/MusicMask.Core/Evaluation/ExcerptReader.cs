using MusicMask.Audio;
using MusicMask.Filters;
using MusicMask.Transforms;

namespace MusicMask.Evaluation;

/// <summary>
/// Reads a stretch of a WAV file as 44.1 kHz mono, resampling with the pipeline's resampler. A file that cannot be
/// read is an <see cref="InvalidDataException"/> that names it.
/// </summary>
public static class ExcerptReader
{
    /// <summary>Length of the file in seconds, from its header.</summary>
    public static double Seconds(string path) => Named(path, () =>
    {
        using var source = AudioDecoder.Open(path);
        return source.Length is { } length
            ? (double)length / source.SampleRate
            : throw new AudioFormatException("length unknown (evaluation reads WAV files)");
    });

    public static float[] Read(string path, double startSeconds, double seconds) => Named(path, () => ReadUnnamed(path, startSeconds, seconds));

    private static T Named<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is AudioFormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    private static float[] ReadUnnamed(string path, double startSeconds, double seconds)
    {
        using var source = AudioDecoder.Open(path);
        var skip = (long)(startSeconds * source.SampleRate);
        var wanted = (int)Math.Ceiling(seconds * source.SampleRate);
        var buffer = new float[Math.Max(wanted, 1 << 14)];
        while (skip > 0)
        {
            var read = source.Read(buffer.AsSpan(0, (int)Math.Min(buffer.Length, skip)));
            if (read == 0)
            {
                break;
            }

            skip -= read;
        }

        var excerpt = new float[wanted];
        var filled = 0;
        while (filled < wanted)
        {
            var read = source.Read(excerpt.AsSpan(filled));
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return source.SampleRate == SpectrogramParameters.SampleRate ? excerpt : PolyphaseResampler.Resample(excerpt, source.SampleRate, SpectrogramParameters.SampleRate);
    }
}
