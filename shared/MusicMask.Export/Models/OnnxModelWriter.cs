namespace MusicMask.Models;

/// <summary>Exports <see cref="NetworkWeights"/> as the strip-scoring ONNX model of the model contract.</summary>
public static class OnnxModelWriter
{
    public const string InputName = Scoring.ModelContract.InputName;
    public const string OutputName = Scoring.ModelContract.OutputName;

    public static byte[] Write(NetworkWeights weights, string version)
    {
        var g = new OnnxGraphBuilder();
        g.Input(InputName, "batch", 1, "height", "width");
        g.Output(OutputName, "batch", 1, "bands", "windows");

        var x = g.Node("Sub", [InputName, g.Initializer("input_mean", [weights.InputMean])], "centered");
        x = g.Node("Mul", [x, g.Initializer("input_scale", [weights.InputScale])], "normalized");
        for (var layer = 0; layer < weights.Features.Count; layer++)
        {
            x = Convolution(g, x, $"conv{layer + 1}", weights.Features[layer]);
            x = g.Node("Relu", [x], $"relu{layer + 1}");
            x = g.Node("MaxPool", [x], $"pool{layer + 1}", ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        }

        x = Convolution(g, x, "dense", weights.Hidden);
        x = g.Node("Relu", [x], "dense_relu");
        x = Convolution(g, x, "classifier", weights.Classifier);
        x = g.Node("Softmax", [x], "class_probability", ("axis", 1L));
        g.Node(
            "Slice",
            [x, g.Initializer("music_start", [0L], 1), g.Initializer("music_end", [1L], 1), g.Initializer("class_axis", [1L], 1)],
            OutputName);
        return g.Build("musicmask", "MusicMask", ModelParameters.Current(version).ToProperties());
    }

    private static string Convolution(OnnxGraphBuilder g, string input, string name, ConvWeights conv) => g.Node(
        "Conv",
        [input, g.Initializer($"{name}.weight", conv.Weight, conv.WeightShape), g.Initializer($"{name}.bias", conv.Bias, conv.OutChannels)],
        name,
        ("kernel_shape", new long[] { conv.KernelHeight, conv.KernelWidth }));
}
