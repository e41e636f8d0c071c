using MusicMask.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// The network of the model contract in TorchSharp: fixed input normalisation, 4 x (valid 3x3 conv, ReLU,
/// 2x2 max-pool), dropout, the dense layer as a 2x14 convolution, dropout, a 1x1 classifier. Returns logits
/// [N, 2, bands, windows] with class 0 = music. Batch normalisation after each convolution speeds up SGD; in
/// eval mode it is a per-channel affine map, which <see cref="ToWeights"/> folds into the convolution, so the
/// exported graph is exactly the contract's.
/// </summary>
public sealed class MusicMaskNet : nn.Module<Tensor, Tensor>
{
    public const double DefaultDropout = 0.3;
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;
    private readonly float _inputMean;
    private readonly float _inputScale;
    private readonly NetworkWidth _width;
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Conv2d conv3;
    private readonly Conv2d conv4;
    private readonly Conv2d dense;
    private readonly Conv2d classifier;
    private readonly BatchNorm2d norm1;
    private readonly BatchNorm2d norm2;
    private readonly BatchNorm2d norm3;
    private readonly BatchNorm2d norm4;
    private readonly BatchNorm2d denseNorm;
    private readonly Dropout featureDropout;
    private readonly Dropout denseDropout;
    private bool _featuresFrozen;

    public MusicMaskNet(float inputMean = -30f, float inputScale = 1f / 25f, NetworkWidth? width = null, double dropout = DefaultDropout)
        : base("musicmask")
    {
        _inputMean = inputMean;
        _inputScale = inputScale;
        _width = width ?? NetworkWidth.Contract;
        var (c, hidden) = (_width.Maps, _width.Hidden);
        conv1 = nn.Conv2d(1, c, NetworkWeights.Kernel);
        conv2 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        conv3 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        conv4 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        dense = nn.Conv2d(c, hidden, (NetworkWeights.HeadHeight, NetworkWeights.HeadWidth));
        classifier = nn.Conv2d(hidden, NetworkWeights.Classes, 1);
        norm1 = nn.BatchNorm2d(c, Epsilon, Momentum);
        norm2 = nn.BatchNorm2d(c, Epsilon, Momentum);
        norm3 = nn.BatchNorm2d(c, Epsilon, Momentum);
        norm4 = nn.BatchNorm2d(c, Epsilon, Momentum);
        denseNorm = nn.BatchNorm2d(hidden, Epsilon, Momentum);
        featureDropout = nn.Dropout(dropout);
        denseDropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>
    /// Loads a checkpoint this trainer saved for a network of this width; any other file is refused with its path
    /// and this network's width named (a run's --maps and --hidden must match its checkpoints').
    /// </summary>
    public void LoadCheckpoint(string path)
    {
        try
        {
            load(path);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path} is not a checkpoint of a MusicMask network with {_width} ({error.Message})", error);
        }
    }

    /// <summary>
    /// Takes the weights of an exported model (batch norm folded into the convolutions) and sets every batch norm
    /// to the identity on <paramref name="strips"/>: its shift and scale become the batch's own mean and standard
    /// deviation of that layer's output, so training mode and eval mode both start from exactly the exported network
    /// (on these strips; near it on others). Lets training continue from a shipped model whose checkpoints are gone.
    /// </summary>
    public void LoadExported(NetworkWeights weights, Tensor strips)
    {
        if (weights.InputMean != _inputMean || weights.InputScale != _inputScale)
        {
            throw new InvalidDataException($"the model normalises its input as (x - {weights.InputMean}) * {weights.InputScale}, this trainer as (x - {_inputMean}) * {_inputScale}");
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var mean = _inputMean.ToScalar();
        using var scale = _inputScale.ToScalar();
        var x = strips.sub(mean).mul(scale);
        foreach (var ((conv, norm), exported) in Features.Zip(weights.Features))
        {
            x = nn.functional.relu(MaxPool2x2.Pool(LoadAsIdentity(conv, norm, exported, x)));
        }

        LoadAsIdentity(dense, denseNorm, weights.Hidden, x);
        Load(classifier, weights.Classifier);
    }

    /// <summary>
    /// An exported model as a network of its own width, in eval mode, where it is exactly the export whatever
    /// <paramref name="strips"/> set its batch norms to (a teacher, or a model to compare against).
    /// </summary>
    public static MusicMaskNet FromExport(NetworkWeights weights, Tensor strips)
    {
        var network = new MusicMaskNet(width: NetworkWidth.Of(weights), dropout: 0);
        network.LoadExported(weights, strips);
        network.eval();
        return network;
    }

    /// <summary>p(music) of every window of <paramref name="input"/>, in the mode the network is in, without gradient.</summary>
    public float[] MusicProbabilities(Tensor input)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return nn.functional.softmax(call(input), 1).select(1, NetworkWeights.MusicClass).contiguous().data<float>().ToArray();
    }

    private static Tensor LoadAsIdentity(Conv2d conv, BatchNorm2d norm, ConvWeights exported, Tensor input)
    {
        Load(conv, exported);
        var output = conv.call(input);
        var mean = output.mean([0L, 2L, 3L]);
        var variance = output.var([0L, 2L, 3L], unbiased: false);
        norm.running_mean!.copy_(mean);
        norm.running_var!.copy_(variance);
        norm.bias!.copy_(mean);
        using var epsilon = norm.eps.ToScalar();
        norm.weight!.copy_(variance.add(epsilon).sqrt());
        return output;
    }

    /// <summary>
    /// Copies an exported convolution in. A network with more maps or hidden units than the export starts as the
    /// export: the export's units get zero weight from the extra ones, so the extra units change nothing until
    /// training moves them; everything else into the extra units keeps its initial weights, so they learn at once.
    /// </summary>
    private static void Load(Conv2d conv, ConvWeights exported)
    {
        var (shape, from) = (conv.weight!.shape, exported.WeightShape);
        if (shape[0] < from[0] || shape[1] < from[1] || shape[2] != from[2] || shape[3] != from[3])
        {
            throw new InvalidDataException($"a convolution of shape [{string.Join(", ", from)}] does not fit this network's [{string.Join(", ", shape)}]");
        }

        conv.weight.narrow(0, 0, from[0]).narrow(1, from[1], shape[1] - from[1]).zero_();
        conv.weight.narrow(0, 0, from[0]).narrow(1, 0, from[1]).copy_(tensor(exported.Weight, from));
        conv.bias!.narrow(0, 0, from[0]).copy_(tensor(exported.Bias));
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // Explicit scalars that live to the end of the call: a float converted implicitly becomes a Scalar whose
        // finaliser can free it while libtorch is still reading it (a CI run failed in sub() exactly so).
        using var mean = _inputMean.ToScalar();
        using var scale = _inputScale.ToScalar();
        var x = input.sub(mean).mul(scale);
        foreach (var (conv, norm) in Features)
        {
            // ReLU after the pooling: the two commute exactly, and ReLU then runs on a quarter of the values.
            x = nn.functional.relu(MaxPool2x2.Pool(Normalise(norm, conv.call(x), training && !_featuresFrozen)));
        }

        x = featureDropout.call(x);
        x = denseDropout.call(nn.functional.relu(Normalise(denseNorm, dense.call(x), training)));
        return classifier.call(x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The network's taps as the exported graph has them: the ReLU output of each convolution before its pooling, then
    /// the dense layer's (what a pixel head reads). In eval mode without gradient, or, when <paramref name="learning"/>,
    /// with gradient and the batch norms in the module's mode (the network learning from a pixel head's loss).
    /// </summary>
    public Tensor[] Taps(Tensor input, bool learning = false)
    {
        using var noGrad = learning ? null : no_grad();
        using var scope = NewDisposeScope();
        using var mean = _inputMean.ToScalar();
        using var scale = _inputScale.ToScalar();
        var normaliseLearning = learning && training;
        var taps = new List<Tensor>();
        var x = input.sub(mean).mul(scale);
        foreach (var (conv, norm) in Features)
        {
            var tap = nn.functional.relu(Normalise(norm, conv.call(x), normaliseLearning));
            taps.Add(tap);
            x = MaxPool2x2.Pool(tap);
        }

        taps.Add(nn.functional.relu(Normalise(denseNorm, dense.call(x), normaliseLearning)));
        return taps.Select(tap => tap.MoveToOuterDisposeScope()).ToArray();
    }

    /// <summary>
    /// Removes each first-layer kernel's mean, so every kernel sums to zero: the layer, and so the whole network,
    /// then gives the same output for a spectrogram and for the same spectrogram plus any constant (a gain in dB).
    /// Valid convolutions keep this exact on strips; batch-norm folding scales kernels and keeps it at export.
    /// </summary>
    public void CentreFirstLayerKernels()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        conv1.weight!.sub_(conv1.weight.mean([2L, 3L], keepdim: true));
    }

    /// <summary>
    /// The batch-norm module's computation without its call: BatchNorm.forward counts batches with
    /// num_batches_tracked.add_(1), an implicit Scalar the finaliser can free mid-call (it crashed run 10 at step
    /// 200). The count is only used when momentum is unset, and here it is 0.1, so the result is the same.
    /// </summary>
    private static Tensor Normalise(BatchNorm2d norm, Tensor x, bool learning) =>
        nn.functional.batch_norm(x, norm.running_mean, norm.running_var, norm.weight, norm.bias, learning, Momentum, Epsilon);

    /// <summary>
    /// Fixes the four convolutions and their batch norms (no gradient, eval-mode statistics), so training moves only
    /// the dense layer and the classifier: a head trained so reads exactly the features of the model it started from.
    /// </summary>
    public void FreezeFeatures()
    {
        foreach (var (conv, norm) in Features)
        {
            foreach (var parameter in conv.parameters().Concat(norm.parameters()))
            {
                parameter.requires_grad = false;
            }
        }

        _featuresFrozen = true;
    }

    /// <summary>The trained parameters in the layout the ONNX writer takes.</summary>
    public NetworkWeights ToWeights() => new(
        _inputMean,
        _inputScale,
        Features.Select(f => Export(f.Conv, f.Norm)).ToArray(),
        Export(dense, denseNorm),
        Export(classifier, null));

    private (Conv2d Conv, BatchNorm2d Norm)[] Features => [(conv1, norm1), (conv2, norm2), (conv3, norm3), (conv4, norm4)];

    /// <summary>conv then eval-mode batch norm = conv with weight·s and bias (b − μ)·s + β, s = γ / √(σ² + ε).</summary>
    internal static ConvWeights Export(Conv2d conv, BatchNorm2d? norm)
    {
        var shape = conv.weight!.shape;
        var weight = conv.weight.detach().cpu().data<float>().ToArray();
        var bias = conv.bias!.detach().cpu().data<float>().ToArray();
        if (norm is not null)
        {
            var gamma = norm.weight!.detach().cpu().data<float>().ToArray();
            var beta = norm.bias!.detach().cpu().data<float>().ToArray();
            var mean = norm.running_mean!.detach().cpu().data<float>().ToArray();
            var variance = norm.running_var!.detach().cpu().data<float>().ToArray();
            var perChannel = weight.Length / bias.Length;
            for (var o = 0; o < bias.Length; o++)
            {
                var scale = gamma[o] / Math.Sqrt(variance[o] + norm.eps);
                for (var i = o * perChannel; i < (o + 1) * perChannel; i++)
                {
                    weight[i] = (float)(weight[i] * scale);
                }

                bias[o] = (float)((bias[o] - mean[o]) * scale + beta[o]);
            }
        }

        return new ConvWeights((int)shape[0], (int)shape[1], (int)shape[2], (int)shape[3], weight, bias);
    }
}
