using MusicMask.Models;
using MusicMask.Scoring;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public class PixelHeadTests
{
    private const int Bins = 256;
    private const int Frames = 400;

    public PixelHeadTests() => OneThreadTorch.Prepare();

    /// <summary>
    /// Receptive fields of the taps, in pixels (frequency, time): a 3x3 convolution adds 2 steps of its input, a pool
    /// 1, and the dense layer 1 step of 16 pixels in frequency and 13 in time.
    /// </summary>
    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(1, 8, 8)]
    [InlineData(2, 18, 18)]
    [InlineData(3, 38, 38)]
    [InlineData(4, 62, 254)]
    public void EachTapPositionIsCentredOnThePixelsThatReachIt(int tap, int fieldHeight, int fieldWidth)
    {
        // Positive weights, no biases and identity batch norms: a single bright pixel on a zero input reaches exactly
        // the tap positions whose receptive field holds it, and max-pooling passes it on.
        var network = new MusicMaskNet(dropout: 0);
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                if (name.StartsWith("conv", StringComparison.Ordinal) || name.StartsWith("dense.", StringComparison.Ordinal) || name.StartsWith("classifier.", StringComparison.Ordinal))
                {
                    _ = name.EndsWith("weight") ? parameter.fill_(0.05) : parameter.zero_();
                }
            }
        }

        network.eval();
        var (bin, frame) = (131, 203);
        var pixels = Enumerable.Repeat(-30f, Bins * Frames).ToArray();
        pixels[bin * Frames + frame] = -5f;
        var response = network.Taps(tensor(pixels, [1, 1, Bins, Frames]))[tap].sum(1);
        var (rows, columns) = ((int)response.shape[1], (int)response.shape[2]);
        var reached = response.contiguous().data<float>().ToArray();
        var (frequency, time) = (PixelHeadGeometry.Frequency(tap), PixelHeadGeometry.Time(tap));
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var inside = Math.Abs(frequency.FirstCentre + row * frequency.Stride - bin) <= (fieldHeight - 1) / 2.0
                    && Math.Abs(time.FirstCentre + column * time.Stride - frame) <= (fieldWidth - 1) / 2.0;
                Assert.True(inside == reached[row * columns + column] > 0, $"tap {tap + 1}, position ({row}, {column}): reached {!inside}, its field centred at ({frequency.FirstCentre + row * frequency.Stride}, {time.FirstCentre + column * time.Stride})");
            }
        }
    }

    [Fact]
    public void ExportedHeadGivesTheProbabilitiesItWasTrainedOn()
    {
        torch.random.manual_seed(11);
        var network = new MusicMaskNet();
        BatchNormStatistics.Move(network, passes: 3, height: 96, width: 304);
        network.eval();
        var head = new PixelHead(NetworkWeights.Channels, NetworkWeights.DefaultHidden);
        using (no_grad())
        {
            // A head as training leaves it: every readout's last layer away from its zero start.
            foreach (var parameter in head.parameters())
            {
                parameter.uniform_(-0.5, 0.5);
            }
        }

        var random = new Random(5);
        var strip = Enumerable.Range(0, Bins * Frames).Select(i => -70f + 50f * random.NextSingle() + 15f * MathF.Sin(i / 900f)).ToArray();

        float[] expected;
        using (no_grad())
        {
            expected = head.Logits(network.Taps(tensor(strip, [1, 1, Bins, Frames])), Bins, Frames).sigmoid().contiguous().data<float>().ToArray();
        }

        var path = Path.Combine(Path.GetTempPath(), $"musicmask-pixel-head-{Environment.ProcessId}.onnx");
        File.WriteAllBytes(path, OnnxModelWriter.Write(network.ToWeights() with { PixelHead = head.ToWeights() }, "pixel-head-parity"));
        try
        {
            using var scorer = new StripScorer(path);
            Assert.True(scorer.HasPixelHead);
            var actual = scorer.PixelProbabilities(strip, Frames);

            Assert.Equal(expected.Length, actual.Length);
            var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-5, $"largest difference {worst}");
            Assert.True(expected.Max() - expected.Min() > 1e-3, "probabilities should vary across pixels");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
