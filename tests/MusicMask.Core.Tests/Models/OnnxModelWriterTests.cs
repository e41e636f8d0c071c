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
    public void SymbolicDimensionsAreNamed()
    {
        using var session = new InferenceSession(TestModels.RandomModel());
        Assert.Equal(["batch", "", "height", "width"], session.InputMetadata[OnnxModelWriter.InputName].SymbolicDimensions);
    }
}
