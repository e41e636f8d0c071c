using Microsoft.ML.OnnxRuntime;
using MusicMask.Models;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Models;

public class OnnxModelWriterTests
{
    [Theory]
    [InlineData(64, 256, 1, 1)]
    [InlineData(256, 256, 13, 1)]
    [InlineData(80, 288, 2, 3)]
    [InlineData(256, 2288, 13, 128)]
    public void OutputShapeFollowsTheStripContract(int height, int width, int bands, int windows)
    {
        using var session = new InferenceSession(TestModels.RandomModel());
        using var input = OrtValue.CreateTensorValueFromMemory(new float[2 * height * width], [2, 1, height, width]);
        using var outputs = session.Run(new RunOptions(), [OnnxModelWriter.InputName], [input], [OnnxModelWriter.OutputName]);
        Assert.Equal([2L, 1, bands, windows], outputs[0].GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void APixelHeadAddsItsTapsMapsAsOutputsOfTheirOwnSizesAndMustReadEveryTap()
    {
        using var session = new InferenceSession(TestModels.RandomPixelHeadModel());
        using var input = OrtValue.CreateTensorValueFromMemory(new float[256 * 300], [1, 1, 256, 300]);
        string[] names = [.. Enumerable.Range(0, 5).Select(MusicMask.Scoring.ModelContract.PixelLogitsName)];
        using var outputs = session.Run(new RunOptions(), [OnnxModelWriter.InputName], [input], [OnnxModelWriter.OutputName, .. names]);

        Assert.Equal([1L, 1, 13, 3], outputs[0].GetTensorTypeAndShape().Shape);
        long[][] sizes = [[254, 298], [125, 147], [60, 71], [28, 33], [13, 3]];
        Assert.Equal(sizes, outputs.Skip(1).Select(output => output.GetTensorTypeAndShape().Shape[2..]));
        var head = PixelHeadWeights.Random(1);
        var short1 = NetworkWeights.Random(1) with { PixelHead = head with { Readouts = head.Readouts.Take(4).ToArray() } };
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write(short1, "short"));
    }

    [Fact]
    public void MetadataCarriesTheAnalysisParametersAndOpsetIs17()
    {
        using var session = new InferenceSession(TestModels.RandomModel());
        var properties = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("44100", properties["sample_rate"]);
        Assert.Equal("512", properties["n_fft"]);
        Assert.Equal("128", properties["hop"]);
        Assert.Equal("256", properties["bins"]);
        Assert.Equal("64", properties["window_height"]);
        Assert.Equal("256", properties["window_width"]);
        Assert.Equal("16", properties["stride"]);
        Assert.Equal("test-1", properties["model_version"]);
        var bytes = File.ReadAllBytes(TestModels.RandomModel());
        Assert.Equal(0x08, bytes[0]);
        Assert.Equal(OnnxGraphBuilder.IrVersion, bytes[1]);
    }

    [Fact]
    public void ADecisionThresholdMapsToOneHalfAndKeepsTheRanking()
    {
        const double threshold = 0.7;
        var weights = NetworkWeights.Random(3);
        var input = new float[256 * 512];
        var random = new Random(4);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)(-60 + 40 * random.NextDouble());
        }

        var before = Probabilities(weights, input);
        var after = Probabilities(weights.WithDecisionThreshold(threshold), input);

        // logit(after) = logit(before) - logit(t): p = t lands on 0.5, and the order of the windows is the same.
        static double Logit(double p) => Math.Log(p / (1 - p));
        Assert.All(before.Zip(after), pair => Assert.Equal(Logit(pair.First) - Logit(threshold), Logit(pair.Second), 3));
        Assert.Equal(Enumerable.Range(0, before.Length).OrderBy(i => before[i]), Enumerable.Range(0, after.Length).OrderBy(i => after[i]));
        Assert.Contains(before, p => Math.Abs(p - 0.5) > 0.05);
        Assert.Throws<ArgumentOutOfRangeException>(() => weights.WithDecisionThreshold(1));
    }

    private static float[] Probabilities(NetworkWeights weights, float[] spectrogram)
    {
        var path = Path.Combine(Path.GetTempPath(), $"musicmask-threshold-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, OnnxModelWriter.Write(weights, "test"));
        try
        {
            using var session = new InferenceSession(path);
            using var input = OrtValue.CreateTensorValueFromMemory(spectrogram, [1, 1, 256, spectrogram.Length / 256]);
            using var outputs = session.Run(new RunOptions(), [OnnxModelWriter.InputName], [input], [OnnxModelWriter.OutputName]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SymbolicDimensionsAreNamed()
    {
        using var session = new InferenceSession(TestModels.RandomModel());
        Assert.Equal(["batch", "", "height", "width"], session.InputMetadata[OnnxModelWriter.InputName].SymbolicDimensions);
    }
}
