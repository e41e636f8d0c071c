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

        var taps = new List<string>();
        var x = g.Node("Sub", [InputName, g.Initializer("input_mean", [weights.InputMean])], "centered");
        x = g.Node("Mul", [x, g.Initializer("input_scale", [weights.InputScale])], "normalized");
        for (var layer = 0; layer < weights.Features.Count; layer++)
        {
            x = Convolution(g, x, $"conv{layer + 1}", weights.Features[layer]);
            x = g.Node("Relu", [x], $"relu{layer + 1}");
            taps.Add(x);
            x = g.Node("MaxPool", [x], $"pool{layer + 1}", ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        }

        x = Convolution(g, x, "dense", weights.Hidden);
        x = g.Node("Relu", [x], "dense_relu");
        taps.Add(x);
        x = Convolution(g, x, "classifier", weights.Classifier);
        x = g.Node("Softmax", [x], "class_probability", ("axis", 1L));
        g.Node(
            "Slice",
            [x, g.Initializer("music_start", [0L], 1), g.Initializer("music_end", [1L], 1), g.Initializer("class_axis", [1L], 1)],
            OutputName);
        if (weights.PixelHead is { } head)
        {
            WritePixelHead(g, head, taps);
        }

        var metadata = new Dictionary<string, string>(ModelParameters.Current(version).ToProperties());
        if (weights.ColumnContext is { } context)
        {
            metadata[Scoring.ColumnContext.PropertyName] = context.ToProperty();
        }

        if (weights.TimeContext is { } timeContext)
        {
            metadata[Scoring.TimeContext.PropertyName] = timeContext.ToProperty();
        }

        return g.Build("musicmask", "MusicMask", metadata);
    }

    /// <summary>Each tap's readout as an output of its own (<see cref="Scoring.ModelContract.PixelLogitsName"/>).</summary>
    private static void WritePixelHead(OnnxGraphBuilder g, PixelHeadWeights head, IReadOnlyList<string> taps)
    {
        if (head.Readouts.Count != taps.Count)
        {
            throw new ArgumentException($"a pixel head reads {taps.Count} taps, not {head.Readouts.Count}");
        }

        for (var tap = 0; tap < taps.Count; tap++)
        {
            var (x, layers) = (taps[tap], head.Readouts[tap]);
            for (var layer = 0; layer < layers.Count; layer++)
            {
                var last = layer == layers.Count - 1;
                var name = last ? Scoring.ModelContract.PixelLogitsName(tap) : $"pixel{tap + 1}_{layer + 1}";
                x = Convolution(g, x, name, layers[layer]);
                x = last ? x : g.Node("Relu", [x], $"{name}_relu");
            }

            g.Output(x, "batch", 1, $"rows{tap + 1}", $"columns{tap + 1}");
        }
    }

    private static string Convolution(OnnxGraphBuilder g, string input, string name, ConvWeights conv) => g.Node(
        "Conv",
        [input, g.Initializer($"{name}.weight", conv.Weight, conv.WeightShape), g.Initializer($"{name}.bias", conv.Bias, conv.OutChannels)],
        name,
        ("kernel_shape", new long[] { conv.KernelHeight, conv.KernelWidth }));
}
