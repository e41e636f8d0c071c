using MusicMask.Audio;
using MusicMask.Filters;
using MusicMask.Transforms;

namespace MusicMask.Evaluation;

/// <summary>
/// Reads a stretch of an audio file as 44.1 kHz mono: WAV natively, resampled with the pipeline's resampler, and
/// every other format through ffmpeg. A file that cannot be read is an <see cref="InvalidDataException"/> that
/// names it.
/// </summary>
public static class ExcerptReader
{
    /// <summary>Length of the file in seconds: from a WAV header, or by decoding a file whose container does not say.</summary>
    public static double Seconds(string path) => Named(path, () =>
    {
        using var source = AudioDecoder.Open(path);
        return (double)(source.Length ?? source.Discard()) / source.SampleRate;
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
        using var source = AudioDecoder.Open(path, startSeconds);
        var wanted = (int)Math.Ceiling(seconds * source.SampleRate);
        var excerpt = new float[wanted];
        source.ReadFully(excerpt);
        return source.SampleRate == SpectrogramParameters.SampleRate ? excerpt : PolyphaseResampler.Resample(excerpt, source.SampleRate, SpectrogramParameters.SampleRate);
    }
}
