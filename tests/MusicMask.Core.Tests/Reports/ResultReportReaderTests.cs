using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Reports;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Reports;

/// <summary>Reports read from result folders that the real segmenter wrote for generated audio.</summary>
public class ResultReportReaderTests
{
    private const int Rate = 44_100;

    [Fact]
    public async Task EveryFileBecomesARowThatAgreesWithItsManifestAndSegments()
    {
        using var temp = new TempDirectory();
        var audio = temp.File("audio");
        Directory.CreateDirectory(audio);
        WavWriter.Write(Path.Combine(audio, "melody.wav"), SignalGenerator.Mix(SignalGenerator.Melody(12 * Rate, Rate, seed: 1), SignalGenerator.WhiteNoise(12 * Rate, seed: 2), 5), Rate);
        WavWriter.Write(Path.Combine(audio, "noise.wav"), SignalGenerator.WhiteNoise(6 * Rate, seed: 3), Rate);
        var whole = File.ReadAllBytes(Path.Combine(audio, "noise.wav"));
        File.WriteAllBytes(Path.Combine(audio, "cut.wav"), whole[..(whole.Length / 2)]);
        File.WriteAllText(Path.Combine(audio, "broken.wav"), "not audio");
        var results = temp.File("out");
        Segment(audio, results, ("melody.wav", "melody.wav"), ("noise.wav", "nested/noise.wav"), ("cut.wav", "cut.wav"), ("broken.wav", "broken.wav"));
        Directory.CreateDirectory(Path.Combine(results, ".musicmask-staging-1-abc"));
        File.Copy(Path.Combine(results, "melody.wav", ResultFiles.Manifest), Path.Combine(results, ".musicmask-staging-1-abc", ResultFiles.Manifest));

        var report = await ResultReportReader.ReadAsync(new FolderResultSource(results));

        Assert.Equal(["broken.wav", "cut.wav", "melody.wav", "nested/noise.wav"], report.Rows.Select(r => r.Name));
        Assert.Equal([ReportStatus.Failed, ReportStatus.Truncated, ReportStatus.Ok, ReportStatus.Ok], report.Rows.Select(r => r.Status));
        foreach (var row in report.Rows.Where(r => r.Status != ReportStatus.Failed))
        {
            var manifest = System.Text.Json.JsonSerializer.Deserialize<ResultManifest>(File.ReadAllBytes(Path.Combine(results, row.Folder, ResultFiles.Manifest)), JsonOptions.Indented)!;
            Assert.Equal(manifest.DurationSeconds, row.DurationSeconds);
            Assert.Equal(manifest.MusicSeconds, row.MusicSeconds);
            Assert.Equal(manifest.MusicSegments, row.MusicSegments);
            Assert.True(row.HasOverlay);
            Assert.Equal(MusicProfile.Bins, row.MusicShares!.Count);
            Assert.Equal(manifest.MusicSeconds, row.MusicShares.Sum() * manifest.DurationSeconds / MusicProfile.Bins, 0.01);
        }

        var broken = report.Rows[0];
        Assert.StartsWith("decode: ", broken.Problem);
        Assert.False(broken.HasOverlay);
        Assert.Null(broken.DurationSeconds);
        Assert.Contains("declared", report.Rows[1].Problem);
        Assert.Equal(new ReportTotals(4, report.Rows.Sum(r => r.DurationSeconds ?? 0), report.Rows.Sum(r => r.MusicSeconds ?? 0), 1, 1), report.Totals);
        Assert.Equal(21, report.Totals.AudioSeconds, 0.1);
    }

    [Fact]
    public async Task AFolderWhoseManifestCannotBeReadIsAFailureThatSaysSo()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("x.wav"));
        File.WriteAllText(temp.File("x.wav/manifest.json"), "{ not json");

        var report = await ResultReportReader.ReadAsync(new FolderResultSource(temp.Path));

        var row = Assert.Single(report.Rows);
        Assert.Equal(ReportStatus.Failed, row.Status);
        Assert.StartsWith("its manifest.json cannot be read", row.Problem);
    }

    private static void Segment(string audio, string results, params (string File, string Name)[] files)
    {
        using var scorer = new StripScorer(TestModels.RandomModel());
        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 1 }), new ResultFolders(results));
        foreach (var (file, name) in files)
        {
            batch.Process(new AudioInput(Path.Combine(audio, file), name), name);
        }
    }
}
