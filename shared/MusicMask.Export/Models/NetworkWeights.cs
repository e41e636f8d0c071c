namespace MusicMask.Models;

/// <summary>One convolution's parameters, PyTorch/ONNX layout: weight [out, in, kh, kw], bias [out].</summary>
public sealed record ConvWeights(int OutChannels, int InChannels, int KernelHeight, int KernelWidth, float[] Weight, float[] Bias)
{
    public long[] WeightShape => [OutChannels, InChannels, KernelHeight, KernelWidth];

    /// <summary>He-uniform initialisation times <paramref name="gain"/>.</summary>
    public static ConvWeights Random(Random random, int outChannels, int inChannels, int kernelHeight, int kernelWidth, double gain = 1)
    {
        var fanIn = inChannels * kernelHeight * kernelWidth;
        var bound = (float)(gain * Math.Sqrt(6.0 / fanIn));
        var weight = new float[outChannels * fanIn];
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = (float)(random.NextDouble() * 2 - 1) * bound;
        }

        // Zero-mean filters respond to shape rather than level, so a random stack does not drown the input in its own offsets.
        for (var o = 0; o < outChannels; o++)
        {
            var filter = weight.AsSpan(o * fanIn, fanIn);
            var mean = System.Numerics.Tensors.TensorPrimitives.Sum<float>(filter) / fanIn;
            System.Numerics.Tensors.TensorPrimitives.Subtract(filter, mean, filter);
        }

        var bias = Enumerable.Range(0, outChannels).Select(_ => (float)(random.NextDouble() * 0.2 - 0.1)).ToArray();
        return new ConvWeights(outChannels, inChannels, kernelHeight, kernelWidth, weight, bias);
    }
}

/// <summary>
/// The paper's CNN, made fully convolutional: input normalisation, four valid 3x3 convolutions of 32 maps each
/// with ReLU and 2x2 max-pooling, a dense layer written as a 2x14 convolution over the pooled map, and a 1x1
/// classifier to (music, noise) logits.
/// </summary>
public sealed record NetworkWeights(float InputMean, float InputScale, IReadOnlyList<ConvWeights> Features, ConvWeights Hidden, ConvWeights Classifier)
{
    /// <summary>
    /// A per-pixel readout of the network's feature maps (<see cref="PixelHeadWeights"/>), exported as extra outputs
    /// beside the contract's; null for the contract's network alone.
    /// </summary>
    public PixelHeadWeights? PixelHead { get; init; }

    /// <summary>How the scorer reads each window with its time column (<see cref="Scoring.ColumnContext"/>); null for the window alone.</summary>
    public Scoring.ColumnContext? ColumnContext { get; init; }

    /// <summary>How the recording's windows are read with the moments around them (<see cref="Scoring.TimeContext"/>), after the column context; null for none.</summary>
    public Scoring.TimeContext? TimeContext { get; init; }

    public const int Channels = 32;
    public const int FeatureLayers = 4;
    public const int Kernel = 3;
    public const int HeadHeight = 2;
    public const int HeadWidth = 14;
    public const int DefaultHidden = 64;
    public const int Classes = 2;

    /// <summary>The classifier's output channel that the model's music_probability is the softmax share of.</summary>
    public const int MusicClass = 0;

    /// <summary>
    /// The same network with its decision moved so that a music probability of <paramref name="threshold"/> becomes
    /// 0.5, the mask's threshold. The two-class softmax is the logistic of the logit difference, so this lowers by
    /// ln(t / (1 - t)) the bias of the last step before the decision: the time context's when there is one, else the
    /// column context's, else the music logit's; every window keeps its rank, so every AUC is unchanged.
    /// </summary>
    public NetworkWeights WithDecisionThreshold(double threshold)
    {
        CheckDecisionThreshold(threshold);
        var shift = (float)Math.Log(threshold / (1 - threshold));

        // The decision is made after the last context, so it moves there; moving an earlier one would move the means the later one reads.
        if (TimeContext is { } time)
        {
            return this with { TimeContext = time with { Bias = time.Bias - shift } };
        }

        if (ColumnContext is { } context)
        {
            return this with { ColumnContext = context with { Bias = context.Bias - shift } };
        }

        var bias = Classifier.Bias.ToArray();
        bias[MusicClass] -= shift;
        return this with { Classifier = Classifier with { Bias = bias } };
    }

    /// <summary>Refuses a threshold outside (0, 1), so a trainer can refuse it before training rather than at export.</summary>
    public static void CheckDecisionThreshold(double threshold)
    {
        if (!(threshold is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a decision threshold lies strictly between 0 and 1");
        }
    }

    /// <summary>Random weights whose outputs vary clearly with the input (for tests of the scoring machinery).</summary>
    public static NetworkWeights Random(int seed, int hidden = DefaultHidden, float inputMean = -40f, float inputScale = 1f / 20f)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, FeatureLayers)
            .Select(layer => ConvWeights.Random(random, Channels, layer == 0 ? 1 : Channels, Kernel, Kernel))
            .ToArray();
        return new NetworkWeights(
            inputMean,
            inputScale,
            features,
            ConvWeights.Random(random, hidden, Channels, HeadHeight, HeadWidth),
            ConvWeights.Random(random, Classes, hidden, 1, 1));
    }
}
