using MusicMask.Models;

namespace MusicMask.Tests.Models;

public class OnnxModelReaderTests
{
    [Fact]
    public void WeightsReadBackAreTheWeightsWritten()
    {
        var written = NetworkWeights.Random(5, hidden: 48, inputMean: -35f, inputScale: 0.03f);

        var read = OnnxModelReader.ReadWeights(OnnxModelWriter.Write(written, "test-5"));

        Assert.Equal(written.InputMean, read.InputMean);
        Assert.Equal(written.InputScale, read.InputScale);
        Assert.Equal(written.Features.Count, read.Features.Count);
        foreach (var (expected, actual) in written.Features.Append(written.Hidden).Append(written.Classifier)
                     .Zip(read.Features.Append(read.Hidden).Append(read.Classifier)))
        {
            Assert.Equal(expected.WeightShape, actual.WeightShape);
            Assert.Equal(expected.Weight, actual.Weight);
            Assert.Equal(expected.Bias, actual.Bias);
        }
    }

    [Fact]
    public void ATruncatedModelIsRefusedAsNotOnnx()
    {
        var model = OnnxModelWriter.Write(NetworkWeights.Random(6), "test-6");

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.ReadWeights(model[..(model.Length / 2)]));

        Assert.Contains("not an ONNX model", error.Message);
    }

    [Fact]
    public void AModelWithoutTheNetworksInitializersIsRefusedNamingTheMissingOne()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.ReadWeights([]));

        Assert.Contains("input_mean", error.Message);
    }
}
