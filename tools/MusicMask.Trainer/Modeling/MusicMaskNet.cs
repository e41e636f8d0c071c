using MusicMask.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// The network of the model contract in TorchSharp: fixed input normalisation, 4 x (valid 3x3 conv, ReLU,
/// 2x2 max-pool), dropout, the dense layer as a 2x14 convolution, dropout, a 1x1 classifier. Returns logits
/// [N, 2, bands, windows] with class 0 = music.
/// </summary>
public sealed class MusicMaskNet : nn.Module<Tensor, Tensor>
{
    private readonly float _inputMean;
    private readonly float _inputScale;
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Conv2d conv3;
    private readonly Conv2d conv4;
    private readonly Conv2d dense;
    private readonly Conv2d classifier;
    private readonly Dropout featureDropout;
    private readonly Dropout denseDropout;

    public MusicMaskNet(float inputMean = -30f, float inputScale = 1f / 25f, int hidden = NetworkWeights.DefaultHidden, double dropout = 0.3)
        : base("musicmask")
    {
        _inputMean = inputMean;
        _inputScale = inputScale;
        const int c = NetworkWeights.Channels;
        conv1 = nn.Conv2d(1, c, NetworkWeights.Kernel);
        conv2 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        conv3 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        conv4 = nn.Conv2d(c, c, NetworkWeights.Kernel);
        dense = nn.Conv2d(c, hidden, (NetworkWeights.HeadHeight, NetworkWeights.HeadWidth));
        classifier = nn.Conv2d(hidden, NetworkWeights.Classes, 1);
        featureDropout = nn.Dropout(dropout);
        denseDropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = (input - _inputMean) * _inputScale;
        foreach (var conv in new[] { conv1, conv2, conv3, conv4 })
        {
            x = nn.functional.max_pool2d(nn.functional.relu(conv.call(x)), 2);
        }

        x = featureDropout.call(x);
        x = denseDropout.call(nn.functional.relu(dense.call(x)));
        return classifier.call(x).MoveToOuterDisposeScope();
    }

    /// <summary>The trained parameters in the layout the ONNX writer takes.</summary>
    public NetworkWeights ToWeights() => new(
        _inputMean,
        _inputScale,
        [Export(conv1), Export(conv2), Export(conv3), Export(conv4)],
        Export(dense),
        Export(classifier));

    private static ConvWeights Export(Conv2d conv)
    {
        var shape = conv.weight!.shape;
        return new ConvWeights(
            (int)shape[0],
            (int)shape[1],
            (int)shape[2],
            (int)shape[3],
            conv.weight.detach().cpu().data<float>().ToArray(),
            conv.bias!.detach().cpu().data<float>().ToArray());
    }
}
