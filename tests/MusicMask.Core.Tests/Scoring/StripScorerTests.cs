using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Tests.Support;
using MusicMask.Transforms;

namespace MusicMask.Tests.Scoring;

public class StripScorerTests
{
    private const int Bins = SpectrogramParameters.Bins;

    private static SpectrogramTile RandomTile(int windows, int seed)
    {
        var random = new Random(seed);
        var range = new TileRange(0, 0, windows);
        var frames = new float[range.Frames * Bins];
        for (var t = 0; t < range.Frames; t++)
        {
            for (var b = 0; b < Bins; b++)
            {
                // Level ramps over time and ripples over frequency, so windows differ in more than noise.
                frames[t * Bins + b] = -90 + 70f * t / range.Frames + 15 * MathF.Sin(b / 9f) + 10 * random.NextSingle();
            }
        }

        return new SpectrogramTile(range, frames);
    }

    /// <summary>Window (band, column) cut out of the tile as its own [64, 256] input.</summary>
    private static float[] Window(SpectrogramTile tile, int band, int column)
    {
        var window = new float[WindowGrid.WindowHeight * WindowGrid.WindowWidth];
        for (var row = 0; row < WindowGrid.WindowHeight; row++)
        {
            for (var col = 0; col < WindowGrid.WindowWidth; col++)
            {
                window[row * WindowGrid.WindowWidth + col] = tile.Frames[(column * WindowGrid.Stride + col) * Bins + band * WindowGrid.Stride + row];
            }
        }

        return window;
    }

    [Fact]
    public void StripScoringEqualsScoringEachWindowAlone()
    {
        using var scorer = new StripScorer(TestModels.RandomModel());
        var tile = RandomTile(windows: 20, seed: 3);
        var strip = scorer.Score(tile);
        Assert.Equal(WindowGrid.BandPositions * 20, strip.Probabilities.Length);
        var spread = strip.Probabilities.Max() - strip.Probabilities.Min();
        Assert.True(spread > 1e-3, $"random weights should give varied probabilities, spread {spread}");
        foreach (var (band, column) in new[] { (0, 0), (12, 19), (5, 7), (12, 0), (0, 19), (7, 13) })
        {
            var alone = scorer.Run(Window(tile, band, column), [1, 1, WindowGrid.WindowHeight, WindowGrid.WindowWidth]);
            Assert.Single(alone);
            Assert.True(Math.Abs(alone[0] - strip[band, column]) <= 1e-5, $"window ({band},{column}): alone {alone[0]} strip {strip[band, column]}");
        }
    }

    [Fact]
    public void WindowsQuieterThanTheGateScoreZeroAndAllOthersWhatTheModelSays()
    {
        using var scorer = new StripScorer(TestModels.RandomModel(3));
        const int windows = 20;
        const int soundFrames = 200;
        var random = new Random(6);
        var range = new TileRange(0, 0, windows);
        var frames = new float[range.Frames * Bins];
        for (var i = 0; i < frames.Length; i++)
        {
            // Sound near -40 dB, then digital zeros: a window's mean falls under -90 dB once the sound is under 17 % of it.
            frames[i] = i < soundFrames * Bins ? -45 + 10 * random.NextSingle() : SpectrogramParameters.SilenceDecibels;
        }

        var tile = new SpectrogramTile(range, frames);
        var frequencyMajor = new float[frames.Length];
        for (var t = 0; t < range.Frames; t++)
        {
            for (var b = 0; b < Bins; b++)
            {
                frequencyMajor[b * range.Frames + t] = frames[t * Bins + b];
            }
        }

        var model = scorer.Run(frequencyMajor, [1, 1, Bins, range.Frames]);
        var gated = scorer.Score(tile);

        var kept = new List<double>();
        var zeroed = new List<double>();
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var column = 0; column < windows; column++)
            {
                var mean = Window(tile, band, column).Average(d => (double)d);
                Assert.Equal(mean < SilenceGate.FloorWindowDecibels ? 0 : model[band * windows + column], gated[band, column]);
                (mean < SilenceGate.FloorWindowDecibels ? zeroed : kept).Add(mean);
            }
        }

        // Both sides of the gate include windows that hold some sound and some silence.
        Assert.Contains(kept, mean => mean < -60);
        Assert.Contains(zeroed, mean => mean > SpectrogramParameters.SilenceDecibels);
    }

    [Fact]
    public void ProbabilitiesAreProbabilities()
    {
        using var scorer = new StripScorer(TestModels.RandomModel(2));
        var scores = scorer.Score(RandomTile(windows: 5, seed: 4));
        Assert.All(scores.Probabilities, p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void ModelWithOtherAnalysisParametersIsRefused()
    {
        using var temp = new TempDirectory();
        var g = new OnnxGraphBuilder();
        g.Input(OnnxModelWriter.InputName, "batch", 1, "height", "width");
        g.Output(OnnxModelWriter.OutputName, "batch", 1, "height", "width");
        g.Node("Identity", [OnnxModelWriter.InputName], OnnxModelWriter.OutputName);
        var properties = new Dictionary<string, string>(ModelParameters.Current("x").ToProperties()) { ["hop"] = "256" };
        File.WriteAllBytes(temp.File("other.onnx"), g.Build("other", "test", properties));
        var error = Assert.Throws<InvalidDataException>(() => new StripScorer(temp.File("other.onnx")));
        Assert.Contains("hop 256", error.Message);
    }

    [Fact]
    public void ModelWithoutMetadataIsRefused()
    {
        using var temp = new TempDirectory();
        var g = new OnnxGraphBuilder();
        g.Input(OnnxModelWriter.InputName, 1, 1, 64, 256);
        g.Output(OnnxModelWriter.OutputName, 1, 1, 64, 256);
        g.Node("Identity", [OnnxModelWriter.InputName], OnnxModelWriter.OutputName);
        File.WriteAllBytes(temp.File("bare.onnx"), g.Build("bare", "test", new Dictionary<string, string>()));
        Assert.Contains("sample_rate", Assert.Throws<InvalidDataException>(() => new StripScorer(temp.File("bare.onnx"))).Message);
    }

    [Fact]
    public void GarbageAndMissingModelsAreClearErrors()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("junk.onnx"), "not a model");
        Assert.Contains("cannot load model", Assert.Throws<InvalidDataException>(() => new StripScorer(temp.File("junk.onnx"))).Message);
        Assert.Throws<FileNotFoundException>(() => new StripScorer(temp.File("none.onnx")));
    }
}
