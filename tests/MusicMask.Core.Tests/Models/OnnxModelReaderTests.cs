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
    public void AColumnContextReadsBackAndTakesAMovedDecisionInPlaceOfTheClassifier()
    {
        var context = new MusicMask.Scoring.ColumnContext(1, 1.25f, 0.5f);
        var written = NetworkWeights.Random(7) with { ColumnContext = context };

        var read = OnnxModelReader.ReadWeights(OnnxModelWriter.Write(written, "test-7"));
        var moved = read.WithDecisionThreshold(0.6);

        Assert.Equal(context, read.ColumnContext);
        Assert.Null(OnnxModelReader.ReadWeights(OnnxModelWriter.Write(NetworkWeights.Random(7), "test-7")).ColumnContext);
        Assert.Equal(read.Classifier.Bias, moved.Classifier.Bias);
        Assert.Equal(context.Bias - Math.Log(0.6 / 0.4), moved.ColumnContext!.Bias, 5);
        Assert.Equal((context.Own, context.Column), (moved.ColumnContext.Own, moved.ColumnContext.Column));
    }

    [Fact]
    public void ATimeContextReadsBackAndTakesAMovedDecisionInPlaceOfTheColumnContextBeforeIt()
    {
        var column = new MusicMask.Scoring.ColumnContext(1, 1.25f, 0.5f);
        var time = new MusicMask.Scoring.TimeContext(-2.5f, 4.25f, 1.3f, 8);
        var written = NetworkWeights.Random(7) with { ColumnContext = column, TimeContext = time };

        var read = OnnxModelReader.ReadWeights(OnnxModelWriter.Write(written, "test-7"));
        var moved = read.WithDecisionThreshold(0.6);

        Assert.Equal((column, time), (read.ColumnContext, read.TimeContext));
        Assert.Null(OnnxModelReader.ReadWeights(OnnxModelWriter.Write(NetworkWeights.Random(7) with { ColumnContext = column }, "test-7")).TimeContext);
        Assert.Equal(column, moved.ColumnContext);
        Assert.Equal(read.Classifier.Bias, moved.Classifier.Bias);
        Assert.Equal(time.Bias - Math.Log(0.6 / 0.4), moved.TimeContext!.Bias, 5);
        Assert.Equal((time.Column, time.Around, time.Radius), (moved.TimeContext.Column, moved.TimeContext.Around, moved.TimeContext.Radius));
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
