using MusicMask.Models;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public class MusicMaskNetTests
{
    public MusicMaskNetTests() => OneThreadTorch.Prepare();

    [Fact]
    public void CentredFirstLayerMakesTheOutputBlindToAConstantGainInDecibels()
    {
        var (centred, plain) = (TrainedLooking(seed: 3, centre: true), TrainedLooking(seed: 3, centre: false));
        var strip = Strip(seed: 4);

        var (centredChange, plainChange) = (LargestChange(centred, strip, gainDb: -20), LargestChange(plain, strip, gainDb: -20));
        Assert.True(centredChange < 1e-5 && plainChange > 1e-3, $"a 20 dB gain moved p(music) by up to {centredChange} (centred) and {plainChange} (unconstrained)");
    }

    [Fact]
    public void ExportedFirstLayerKernelsStillSumToZeroAfterTheBatchNormFold()
    {
        var model = TrainedLooking(seed: 5, centre: true);
        model.eval();

        var first = model.ToWeights().Features[0];
        var perKernel = first.Weight.Length / first.OutChannels;
        for (var o = 0; o < first.OutChannels; o++)
        {
            Assert.InRange(first.Weight.Skip(o * perKernel).Take(perKernel).Sum(), -1e-5f, 1e-5f);
        }
    }

    [Fact]
    public void AnImportedExportStartsTrainingAsTheExportedNetworkInBothModes()
    {
        var exported = TrainedLooking(seed: 6, centre: false);
        exported.eval();
        var weights = exported.ToWeights();
        var calibration = tensor(Strip(seed: 7), [1, 1, 128, 320]);

        var imported = new MusicMaskNet(dropout: 0);
        imported.LoadExported(weights, calibration);

        imported.eval();
        var reexported = imported.ToWeights();
        foreach (var (expected, actual) in weights.Features.Append(weights.Hidden).Append(weights.Classifier)
                     .Zip(reexported.Features.Append(reexported.Hidden).Append(reexported.Classifier)))
        {
            Assert.All(expected.Weight.Zip(actual.Weight), pair => Assert.Equal(pair.First, pair.Second, 1e-4f));
            Assert.All(expected.Bias.Zip(actual.Bias), pair => Assert.Equal(pair.First, pair.Second, 1e-4f));
        }

        var evalMode = imported.MusicProbabilities(calibration);
        imported.train();
        var trainMode = imported.MusicProbabilities(calibration);
        Assert.Equal(exported.MusicProbabilities(calibration).Length, evalMode.Length);
        Assert.True(evalMode.Zip(exported.MusicProbabilities(calibration), (a, b) => Math.Abs(a - b)).Max() < 1e-4, "eval mode differs from the export");
        Assert.True(trainMode.Zip(evalMode, (a, b) => Math.Abs(a - b)).Max() < 1e-4, "training mode differs from the export on the calibration strips");
        Assert.True(evalMode.Max() - evalMode.Min() > 1e-3, "outputs should vary across windows");
    }

    [Theory]
    [InlineData(32, 128)]
    [InlineData(48, 64)]
    public void AWiderNetworkStartsAsTheExportAndItsExtraUnitsCanLearn(int maps, int hidden)
    {
        var exported = TrainedLooking(seed: 6, centre: false);
        exported.eval();
        var width = new NetworkWidth(maps, hidden);

        var wider = new MusicMaskNet(width: width, dropout: 0);
        wider.LoadExported(exported.ToWeights(), tensor(Strip(seed: 7), [1, 1, 128, 320]));

        wider.eval();
        var unseen = tensor(Strip(seed: 11), [1, 1, 128, 320]);
        var weights = wider.ToWeights();
        Assert.Equal((maps, maps, hidden, hidden), (weights.Features[0].OutChannels, weights.Hidden.InChannels, weights.Hidden.OutChannels, weights.Classifier.InChannels));
        Assert.True(wider.MusicProbabilities(unseen).Zip(exported.MusicProbabilities(unseen), (a, b) => Math.Abs(a - b)).Max() < 1e-4, "the wider network differs from the export");
        wider.train();
        wider.call(unseen).select(1, 0).sum().backward();
        var contract = NetworkWidth.Contract;
        var (layer, first, extra) = maps > contract.Maps ? ("dense.weight", contract.Maps, maps - contract.Maps) : ("classifier.weight", contract.Hidden, hidden - contract.Hidden);
        var extraGradient = wider.named_parameters().Single(p => p.name == layer).parameter.grad!.narrow(1, first, extra);
        Assert.True(extraGradient.abs().max().item<float>() > 0, "the extra units get no gradient");
    }

    [Fact]
    public void FrozenFeaturesKeepTheirWeightsAndStatisticsThroughTrainingWhileTheHeadLearns()
    {
        var model = TrainedLooking(seed: 12, centre: true);
        model.FreezeFeatures();
        var before = model.ToWeights();
        var learned = model.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = torch.optim.SGD(learned, 0.1, momentum: 0.9);
        var input = tensor(Strip(seed: 13), [1, 1, 128, 320]);

        model.train();
        for (var step = 0; step < 3; step++)
        {
            optimizer.zero_grad();
            model.call(input).select(1, 0).sum().backward();
            optimizer.step();
        }

        var after = model.ToWeights();
        Assert.Equal(6, learned.Count);
        foreach (var (expected, actual) in before.Features.Zip(after.Features))
        {
            Assert.Equal(expected.Weight, actual.Weight);
            Assert.Equal(expected.Bias, actual.Bias);
        }

        Assert.NotEqual(before.Hidden.Weight, after.Hidden.Weight);
    }

    [Fact]
    public void AnExportWithAnotherInputNormalisationIsRefused()
    {
        var weights = NetworkWeights.Random(8, inputMean: -40f);

        Assert.Throws<InvalidDataException>(() => new MusicMaskNet(inputMean: -30f).LoadExported(weights, tensor(Strip(seed: 9), [1, 1, 128, 320])));
    }

    /// <summary>A random network whose batch-norm statistics have moved, as after training.</summary>
    private static MusicMaskNet TrainedLooking(int seed, bool centre)
    {
        torch.random.manual_seed(seed);
        var model = new MusicMaskNet();
        if (centre)
        {
            model.CentreFirstLayerKernels();
        }

        BatchNormStatistics.Move(model, passes: 3, height: 96, width: 304);
        return model;
    }

    private static float[] Strip(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 128 * 320).Select(i => -60f + 40f * random.NextSingle() + 15f * MathF.Sin(i / 700f)).ToArray();
    }

    private static float LargestChange(MusicMaskNet model, float[] strip, float gainDb)
    {
        model.eval();
        float[] Probabilities(float[] input) => model.MusicProbabilities(tensor(input, [1, 1, 128, 320]));
        var before = Probabilities(strip);
        var after = Probabilities(strip.Select(d => d + gainDb).ToArray());
        return before.Zip(after, (a, b) => Math.Abs(a - b)).Max();
    }
}
