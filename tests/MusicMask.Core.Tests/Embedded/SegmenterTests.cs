using System.Text.Json;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Tests.Support;
using SkiaSharp;

namespace MusicMask.Tests.Pipeline;

public class SegmenterTests
{
    private const int Rate = 44_100;

    [Fact]
    public void WritesEveryOutputWithConsistentShapes()
    {
        using var temp = new TempDirectory();
        var signal = SignalGenerator.Mix(SignalGenerator.Melody(20 * 48_000, 48_000, seed: 1), SignalGenerator.WhiteNoise(20 * 48_000, seed: 2), 5);
        WavWriter.Write(temp.File("mix.wav"), signal, 48_000);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var segmenter = new Segmenter(scorer, new SegmenterOptions { Threads = 2 });

        var result = segmenter.Run(temp.File("mix.wav"));
        var folder = new ResultFolders(temp.File("out")).Publish("mix.wav", result.RenderFiles(segmenter.Model));

        var expectedColumns = (int)Math.Ceiling(Math.Ceiling(20.0 * Rate / 128) / 16);
        var (descr, shape, _) = NpyReader.Read(File.OpenRead(Path.Combine(folder, ResultFiles.Probability)));
        Assert.Equal("<f4", descr);
        Assert.Equal([16, expectedColumns], shape);
        var mask = NpyReader.Read(File.OpenRead(Path.Combine(folder, ResultFiles.Mask)));
        Assert.Equal("|u1", mask.Descr);
        Assert.Equal([16, expectedColumns], mask.Shape);
        Assert.All(mask.Data, b => Assert.True(b is 0 or 1));

        using var png = SKBitmap.Decode(Path.Combine(folder, ResultFiles.Overlay));
        Assert.Equal((OverlayRenderer.Width, OverlayRenderer.Height), (png.Width, png.Height));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.Manifest)));
        Assert.Equal(20.0, manifest.RootElement.GetProperty("duration_seconds").GetDouble(), 3);
        Assert.Equal(48_000, manifest.RootElement.GetProperty("source").GetProperty("sample_rate").GetInt32());
        Assert.Equal(64, manifest.RootElement.GetProperty("model").GetProperty("sha256").GetString()!.Length);
        Assert.True(manifest.RootElement.GetProperty("stage_seconds").GetProperty("scoring").GetDouble() > 0);

        var csv = File.ReadAllLines(Path.Combine(folder, ResultFiles.SegmentsCsv));
        Assert.Equal("start,end,label,mean_probability", csv[0]);
        Assert.Equal("0.000", csv[1].Split(',')[0]);
        Assert.Equal("20.000", csv[^1].Split(',')[1]);
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Labels)));
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.SegmentsJson)));
    }

    [Fact]
    public void DifferentContentGivesDifferentMapsAndTheSameContentTheSameMap()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("noise.wav"), SignalGenerator.WhiteNoise(5 * Rate, seed: 3), Rate);
        WavWriter.Write(temp.File("melody.wav"), SignalGenerator.Melody(5 * Rate, Rate, seed: 4), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var segmenter = new Segmenter(scorer);
        var noise = segmenter.Run(temp.File("noise.wav")).Map;
        var melody = segmenter.Run(temp.File("melody.wav")).Map;
        var again = segmenter.Run(temp.File("melody.wav")).Map;
        Assert.Equal(melody.Values, again.Values);
        var meanDifference = noise.Values.Zip(melody.Values, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanDifference > 1e-3, $"maps of noise and melody differ by only {meanDifference}");
    }

    [Fact]
    public void ShortFilesArePaddedAndCroppedBack()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("short.wav"), SignalGenerator.WhiteNoise(1000, seed: 5), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var result = new Segmenter(scorer).Run(temp.File("short.wav"));
        Assert.Equal(1, result.Map.Columns);
        Assert.Equal(1000.0 / Rate, result.Segments.Single().End, 6);
    }

    [Fact]
    public void AudioWithoutSamplesIsAnError()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("none.wav"), [], Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        Assert.Contains("no audio samples", Assert.Throws<AudioFormatException>(() => new Segmenter(scorer).Run(temp.File("none.wav"))).Message);
    }

    [Fact]
    public void ATruncatedFileIsSegmentedAsFarAsItGoesAndItsManifestSaysHowMuchIsMissing()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("whole.wav"), SignalGenerator.WhiteNoise(3 * Rate, seed: 6), Rate);
        var bytes = File.ReadAllBytes(temp.File("whole.wav"));
        File.WriteAllBytes(temp.File("cut.wav"), bytes[..(44 + 2 * Rate)]);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var segmenter = new Segmenter(scorer);

        var result = segmenter.Run(temp.File("cut.wav"));

        Assert.Equal(1.0, result.Tiling.DurationSeconds, 6);
        var manifest = result.RenderFiles(segmenter.Model).Single(f => f.Name == ResultFiles.Manifest).Content;
        using var json = System.Text.Json.JsonDocument.Parse(manifest);
        var truncation = json.RootElement.GetProperty("truncation");
        Assert.Equal(3.0, truncation.GetProperty("declared_seconds").GetDouble(), 6);
        Assert.Equal(1.0, truncation.GetProperty("decoded_seconds").GetDouble(), 6);
        Assert.Equal(2.0, truncation.GetProperty("missing_seconds").GetDouble(), 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AScoringFailureEndsTheRunWithThatFailureInsteadOfBlockingTheDecoder(int threads)
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("long.wav"), SignalGenerator.WhiteNoise(60 * Rate, seed: 6), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var scored = 0;
        var segmenter = new Segmenter(
            tile => Interlocked.Increment(ref scored) == 2 ? throw new InvalidOperationException("scoring failed") : scorer.Score(tile),
            scorer.Model,
            new SegmenterOptions { Threads = threads });

        var run = Task.Run(() => segmenter.Run(temp.File("long.wav")));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.Equal("scoring failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => run)).Message);
    }

    [Fact]
    public void AWholeFileHasNoTruncationInItsManifest()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("whole.wav"), SignalGenerator.WhiteNoise(Rate, seed: 6), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var segmenter = new Segmenter(scorer);

        var manifest = segmenter.Run(temp.File("whole.wav")).RenderFiles(segmenter.Model).Single(f => f.Name == ResultFiles.Manifest).Content;

        using var json = System.Text.Json.JsonDocument.Parse(manifest);
        Assert.False(json.RootElement.TryGetProperty("truncation", out _));
    }

    [Fact]
    public void AModelsTimeContextReadsTheWholeFileAfterItsTilesAreScored()
    {
        using var temp = new TempDirectory();
        var signal = SignalGenerator.Mix(SignalGenerator.Melody(12 * Rate, Rate, seed: 6), SignalGenerator.WhiteNoise(12 * Rate, seed: 7), 0);
        WavWriter.Write(temp.File("mix.wav"), signal, Rate);
        using var scorer = new StripScorer(TestModels.RandomContextModel());

        var result = new Segmenter(scorer, new SegmenterOptions { Threads = 2, GateEmptyCells = false }).Run(temp.File("mix.wav"));

        var asScored = new ProbabilityMapBuilder();
        using var source = AudioDecoder.Open(temp.File("mix.wav"));
        var grid = SpectrogramTiler.Run(source, tile => asScored.Add(scorer.Score(tile))).Grid;
        var windows = asScored.WindowProbabilities(grid);
        var inContext = windows.ToArray();
        scorer.TimeContext!.Apply(inContext, grid.WindowColumns);
        Assert.Equal(ProbabilityMapBuilder.Stitch(grid, inContext).Values, result.Map.Values, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.NotEqual(ProbabilityMapBuilder.Stitch(grid, windows).Values, result.Map.Values, (a, b) => Math.Abs(a - b) < 1e-6);
    }
}
