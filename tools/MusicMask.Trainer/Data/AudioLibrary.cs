namespace MusicMask.Training.Data;

/// <summary>
/// The prepared clips of one split, by class (music, sung music, noise, speech), drawn in proportion to the square root of their
/// length, times their <see cref="ClipEmphasis"/> factor when one is given.
/// </summary>
public sealed class AudioLibrary
{
    /// <summary>The class folders of a split, each with its own clips.</summary>
    public static readonly IReadOnlyList<string> Classes = ["music", "sung", "noise", "speech"];

    private readonly Dictionary<string, (AudioClip[] Clips, double[] Cumulative)> _classes = new();

    private readonly string _splitFolder;

    public AudioLibrary(string splitFolder, ClipEmphasis? emphasis = null)
    {
        _splitFolder = splitFolder;
        foreach (var name in Classes)
        {
            var folder = System.IO.Path.Combine(splitFolder, name);
            var clips = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.wav").Order(StringComparer.Ordinal).Select(p => new AudioClip(p)).ToArray()
                : [];
            var cumulative = new double[clips.Length];
            double total = 0;
            for (var i = 0; i < clips.Length; i++)
            {
                // Square-root weighting: long tracks are drawn more, but not so much that a few dominate.
                total += Math.Sqrt(clips[i].Length) * (emphasis?.Factor(clips[i].Path) ?? 1);
                cumulative[i] = total;
            }

            _classes[name] = (clips, cumulative);
        }
    }

    /// <summary>Throws, naming the folder, when the split lacks music or noise: training could not draw a single strip.</summary>
    public void EnsureMusicAndNoise()
    {
        foreach (var name in new[] { "music", "noise" }.Where(name => Count(name) == 0))
        {
            throw new InvalidDataException($"no {name} WAV files in {System.IO.Path.Combine(_splitFolder, name)}: make the data folder with scripts/prepare-data.sh");
        }
    }

    public int Count(string name) => _classes[name].Clips.Length;

    public IReadOnlyList<AudioClip> Clips(string name) => _classes[name].Clips;

    public double Seconds(string name) => _classes[name].Clips.Sum(c => c.Length) / 44_100.0;

    public AudioClip Draw(string name, Random random)
    {
        var (clips, cumulative) = _classes[name];
        if (clips.Length == 0)
        {
            throw new InvalidOperationException($"no {name} clips in this split");
        }

        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return clips[index < 0 ? ~index : index];
    }
}
