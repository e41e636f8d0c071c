namespace MusicMask.Evaluation;

/// <summary>
/// Excerpts of a fixed length drawn at random from a set of files, each file with its length measured once: a file
/// chosen uniformly, then a start uniformly within it. A file without a single sample is an error that names it.
/// </summary>
internal sealed class ExcerptDraws
{
    private readonly (string Path, double Seconds)[] _files;
    private readonly double _excerptSeconds;

    public ExcerptDraws(IReadOnlyList<string> files, double excerptSeconds)
    {
        _excerptSeconds = excerptSeconds;
        _files = files.Select(f =>
        {
            var seconds = ExcerptReader.Seconds(f);
            return seconds > 0 ? (f, seconds) : throw new InvalidDataException($"{f}: no samples (the file holds no audio)");
        }).ToArray();
    }

    /// <summary>One excerpt of exactly the excerpt length at 44.1 kHz, and the index of its file.</summary>
    public (float[] Excerpt, int File) Draw(Random random)
    {
        var file = random.Next(_files.Length);
        var (path, seconds) = _files[file];
        var start = Math.Max(0, seconds - _excerptSeconds) * random.NextDouble();
        var excerpt = ExcerptReader.Read(path, start, _excerptSeconds);
        var length = (int)(_excerptSeconds * Transforms.SpectrogramParameters.SampleRate);
        if (excerpt.Length >= length)
        {
            return (excerpt[..length], file);
        }

        // ExcerptReader already ends a file shorter than the excerpt with digital silence, so this only fills the
        // sample or two a resampled excerpt can fall short by.
        var looped = new float[length];
        for (var i = 0; i < length && excerpt.Length > 0; i++)
        {
            looped[i] = excerpt[i % excerpt.Length];
        }

        return (looped, file);
    }
}
