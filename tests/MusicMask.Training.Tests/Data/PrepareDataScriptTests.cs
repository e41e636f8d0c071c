using MusicMask.Audio;
using MusicMask.Signals;

namespace MusicMask.Training.Tests.Data;

/// <summary>Runs scripts/prepare-data.sh on fake, already unpacked packages and checks the split it makes.</summary>
public sealed class PrepareDataScriptTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-data-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SplitsBySourceWithNoSourceInTwoSplitsAndIsIdempotent()
    {
        var seed = 0;
        void Package(string package, string folder, int files, double seconds = 0.5)
        {
            for (var i = 0; i < files; i++)
            {
                var path = Path.Combine(_folder, ".cache", "x", package, folder, $"clip {i:D2}.wav");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                WavWriter.Write(path, SignalGenerator.WhiteNoise((int)(seconds * 22_050), ++seed), 22_050);
            }
        }

        Package("fake-music-a", "usr/share/a", 3);
        Package("fake-music-b", "usr/share/b", 2);
        Package("fake-noise", "usr/share/noise", 40);
        Package("fake-short", "usr/share/short", 1, seconds: 0.1);
        // A twin that differs only by extension would make the same output file; the first in sorted order wins.
        var original = Path.Combine(_folder, ".cache", "x", "fake-music-a", "usr/share/a", "clip 00.wav");
        File.Copy(original, Path.ChangeExtension(original, ".flac"));
        var first = PrepareTwice(
            "music|train|fake-music-a|usr/share/a|^$",
            "music|test|fake-music-b|usr/share/b|^$",
            "noise|hash|fake-noise|usr/share/noise|clip 39",
            "noise|hash|fake-short|usr/share/short|^$");

        var all = first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        var rows = all.Where(r => r[3].Contains("/.cache/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 + 2 + 39, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[3]).Distinct().Count());
        Assert.All(rows.Where(r => r[2] == "fake-music-a"), r => Assert.Equal("train", r[0]));
        Assert.All(rows.Where(r => r[2] == "fake-music-b"), r => Assert.Equal("test", r[0]));
        var noiseSplits = rows.Where(r => r[2] == "fake-noise").GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["test", "train", "validation"], noiseSplits.Keys.Order());
        Assert.True(noiseSplits["train"] > noiseSplits["test"]);
        Assert.All(rows, r =>
        {
            Assert.True(File.Exists(r[4]), r[4]);
            Assert.StartsWith(Path.Combine(_folder, r[0], r[1]) + "/", r[4], StringComparison.Ordinal);
        });
        AssertLossyCopies(rows, all.Except(rows).ToList());
        Assert.Equal(all.Count, Outputs().Count);
        var skipped = File.ReadAllText(Path.Combine(_folder, "skipped.tsv"));
        Assert.Contains("shorter than 0.3 s", skipped, StringComparison.Ordinal);
        Assert.Matches(@"clip 00\.(flac|wav)\tsame output name as another source", skipped);
        using var converted = AudioDecoder.Open(rows[0][4]);
        Assert.Equal((44_100, 1), (converted.SampleRate, converted.Channels));

        // A file the table newly skips loses its output on the next run, so the folders the trainer reads agree with sources.tsv.
        File.WriteAllText(TablePath, File.ReadAllText(TablePath).Replace("clip 39", "clip 3[0-9]", StringComparison.Ordinal));
        RunScript();
        var kept = File.ReadAllLines(Path.Combine(_folder, "sources.tsv")).Skip(1).Select(l => l.Split('\t')[4]).ToList();
        Assert.Equal(3 + 2 + 30, kept.Count(p => !IsLossyCopy(p)));
        Assert.Equal(kept.Order(), Outputs().Order());
    }

    private static bool IsLossyCopy(string path) => System.Text.RegularExpressions.Regex.IsMatch(path, @"\.(opus|mp3|aac|vorbis)[-a-z0-9]*\.wav$");

    [Fact]
    public void ReadsSourcesInsideZipArchivesAndOpenClonkGroupsAndKeepsOnlyWhatAnOnlyRegexMatches()
    {
        void Archive(string package, string archive, params string[] entries)
        {
            var staging = Path.Combine(_folder, ".cache", "staging", package);
            foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(staging, entry))!);
                WavWriter.Write(Path.Combine(staging, entry), SignalGenerator.WhiteNoise(11_025, i + 1), 22_050);
            }

            var path = Path.Combine(_folder, ".cache", "x", package, archive);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.Compression.ZipFile.CreateFromDirectory(staging, path);
        }

        Archive("fake-zip", "usr/share/game/data.zip", "sounds/wind.wav", "sounds/ui/click.wav", "other/outside.wav", "voices/yes1.wav", "voices/grunt1.wav");
        Archive("fake-clonk", "usr/share/game/Sound.ocg", "Animals.ocg/Bird.wav", "Animals.ocg/Bat.wav", "UI.ocg/Click.wav");
        // Stands in for the openclonk package's c4group, which turns a group file into a folder of the same name.
        var tool = Path.Combine(_folder, ".cache", "x", "openclonk", "usr", "bin", "c4group");
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, "#!/bin/sh\nmv \"$1\" \"$1.zip\" && mkdir \"$1\" && unzip -qq \"$1.zip\" -d \"$1\" && rm \"$1.zip\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        PrepareTwice(
            "noise|train|fake-zip|zip:usr/share/game/data.zip:sounds/|/ui/",
            "noise|train|fake-clonk|c4group:usr/share/game/Sound.ocg:Animals.ocg/|Bat",
            "speech|train|fake-zip|zip:usr/share/game/data.zip:voices/|only:/yes[0-9]+\\.wav$");

        var originals = Outputs().Where(p => !IsLossyCopy(p)).Select(Path.GetFileName).Order();
        Assert.Equal(["fake-clonk__Animals.ocg_Bird.wav", "fake-zip__sounds_wind.wav", "fake-zip__voices_yes1.wav"], originals);
    }

    /// <summary>Every train and validation music or noise file has exactly one lossy copy, in its own split and class; test has none.</summary>
    private static void AssertLossyCopies(List<string[]> originals, List<string[]> copies)
    {
        var expected = originals.Where(r => r[0] is "train" or "validation" && r[1] is "music" or "noise").Select(r => r[4]).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, copies.Select(c => c[3]).Order());
        var codecs = new HashSet<string>();
        foreach (var copy in copies)
        {
            var original = originals.Single(r => r[4] == copy[3]);
            Assert.Equal(original[..3], copy[..3]);
            Assert.True(IsLossyCopy(copy[4]), copy[4]);
            codecs.Add(Path.GetExtension(Path.GetFileNameWithoutExtension(copy[4])));
            using var decoded = AudioDecoder.Open(copy[4]);
            using var clean = AudioDecoder.Open(copy[3]);
            Assert.Equal((44_100, 1), (decoded.SampleRate, decoded.Channels));
            Assert.InRange(decoded.Length!.Value, clean.Length!.Value - 4_410, clean.Length!.Value + 4_410);
        }

        Assert.True(codecs.Count >= 3, $"codecs used: {string.Join(", ", codecs)}");
    }

    private List<string> Outputs() =>
        Directory.EnumerateFiles(_folder, "*.wav", SearchOption.AllDirectories).Where(p => !p.Contains("/.cache/", StringComparison.Ordinal)).ToList();

    private string TablePath => Path.Combine(_folder, "sources.txt");

    /// <summary>Writes the package table, runs the script on it twice, checks the second run changed nothing and returns sources.tsv.</summary>
    private string PrepareTwice(params string[] table)
    {
        File.WriteAllLines(TablePath, table);
        RunScript();
        var first = File.ReadAllText(Path.Combine(_folder, "sources.tsv"));
        RunScript();
        Assert.Equal(first, File.ReadAllText(Path.Combine(_folder, "sources.tsv")));
        return first;
    }

    private void RunScript() =>
        ProjectScript.Run("prepare-data.sh", new Dictionary<string, string> { ["MUSICMASK_DATA_SOURCES"] = TablePath }, _folder);
}
