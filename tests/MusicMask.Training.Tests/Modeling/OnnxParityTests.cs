using Microsoft.ML.OnnxRuntime;
using MusicMask.Models;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public class OnnxParityTests
{
    public OnnxParityTests() => OneThreadTorch.Prepare();

    [Theory]
    [InlineData(1, 64, 256)]
    [InlineData(2, 256, 256)]
    [InlineData(1, 256, 2288)]
    [InlineData(3, 96, 304)]
    public void ExportedModelMatchesTorchSharp(int batch, int height, int width)
    {
        torch.random.manual_seed(7);
        var model = new MusicMaskNet();
        BatchNormStatistics.Move(model, passes: 3, height: 96, width: 304);

        model.eval();
        var path = Path.Combine(Path.GetTempPath(), $"musicmask-parity-{Environment.ProcessId}-{batch}x{height}x{width}.onnx");
        File.WriteAllBytes(path, OnnxModelWriter.Write(model.ToWeights(), "parity"));

        var random = new Random(batch * height + width);
        var input = Enumerable.Range(0, batch * height * width).Select(i => -90f + 80f * random.NextSingle() + 10f * MathF.Sin(i / 500f)).ToArray();
        float[] expected;
        using (no_grad())
        {
            expected = nn.functional.softmax(model.call(tensor(input, [batch, 1, height, width])), 1)
                .select(1, 0).contiguous().data<float>().ToArray();
        }

        using var session = new InferenceSession(path);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [batch, 1, height, width]);
        using var outputs = session.Run(new RunOptions(), [OnnxModelWriter.InputName], [value], [OnnxModelWriter.OutputName]);
        var actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(batch * ((height - 64) / 16 + 1) * ((width - 256) / 16 + 1), actual.Length);
        var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-5, $"largest difference {worst}");
        Assert.True(expected.Max() - expected.Min() > 1e-4 || batch * actual.Length == 1, "outputs should vary across windows");
        File.Delete(path);
    }
}
