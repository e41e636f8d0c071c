using MusicMask.Models;
using MusicMask.Scoring;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicMask.Training.Modeling;

/// <summary>
/// A per-pixel readout of a fixed network's taps: per tap, 1x1 convolutions (with ReLU between) to one logit map;
/// the maps read bilinearly at every pixel (<see cref="PixelHeadGeometry"/>, as <see cref="PixelLogits"/> does at
/// inference) and summed are the pixel's music logit. The finest tap is read out linearly, as it holds a value per
/// pixel and any more would cost as much as a convolution of the network.
/// </summary>
public sealed class PixelHead : nn.Module<Tensor[], Tensor>
{
    /// <summary>Hidden units of each tap's readout (0: linear).</summary>
    private static readonly int[] HiddenUnits = [0, 8, 16, 16, 16];

    private readonly ModuleList<Sequential> readouts = new();

    public PixelHead(int maps, int hidden) : base("pixel_head")
    {
        for (var tap = 0; tap < PixelHeadGeometry.Taps; tap++)
        {
            var inputs = tap < PixelHeadGeometry.Taps - 1 ? maps : hidden;
            var units = HiddenUnits[tap];
            readouts.Add(units == 0
                ? nn.Sequential(nn.Conv2d(inputs, 1, 1))
                : nn.Sequential(nn.Conv2d(inputs, units, 1), nn.ReLU(), nn.Conv2d(units, 1, 1)));
        }

        RegisterComponents();
        StartWithoutAnOpinion();
    }

    /// <summary>
    /// Zeroes each readout's last layer, so every pixel starts at p = 0.5 whatever the network's features: a random
    /// start would sum five readouts into logits that happen to favour one class, and a head starting there may need
    /// many steps only to get back to no opinion.
    /// </summary>
    private void StartWithoutAnOpinion()
    {
        using var noGrad = no_grad();
        foreach (var readout in readouts)
        {
            var last = readout.children().OfType<Conv2d>().Last();
            last.weight!.zero_();
            last.bias!.zero_();
        }
    }

    /// <summary>Pixel logits [N, 1, bins, frames] of the taps of strips <paramref name="bins"/> x <paramref name="frames"/> (the last two of <paramref name="taps"/>' shape is not enough: valid convolutions shrink them).</summary>
    public Tensor Logits(Tensor[] taps, int bins, int frames)
    {
        using var scope = NewDisposeScope();
        Tensor? sum = null;
        for (var tap = 0; tap < taps.Length; tap++)
        {
            var map = readouts[tap].call(taps[tap]);
            var read = Interpolate(Interpolate(map, 2, PixelHeadGeometry.Frequency(tap), bins), 3, PixelHeadGeometry.Time(tap), frames);
            sum = sum is null ? read : sum.add(read);
        }

        return sum!.MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor[] taps) => throw new NotSupportedException("use Logits, which needs the strip's size");

    /// <summary>The readouts in the layout the ONNX writer takes.</summary>
    public PixelHeadWeights ToWeights() => new(readouts
        .Select(readout => (IReadOnlyList<ConvWeights>)readout.children().OfType<Conv2d>().Select(conv => MusicMaskNet.Export(conv, null)).ToArray())
        .ToArray());

    /// <summary>Linear interpolation of <paramref name="map"/> along <paramref name="dimension"/> at pixels 0..count-1.</summary>
    private static Tensor Interpolate(Tensor map, long dimension, PixelHeadGeometry.Axis axis, int count)
    {
        var positions = (int)map.shape[dimension];
        var between = Enumerable.Range(0, count).Select(pixel => axis.Between(pixel, positions)).ToArray();
        using var low = tensor(between.Select(b => (long)b.Low).ToArray());
        using var high = tensor(between.Select(b => (long)b.High).ToArray());
        var shape = new long[] { 1, 1, 1, 1 };
        shape[dimension] = count;
        using var weight = tensor(between.Select(b => b.Weight).ToArray()).view(shape);
        var below = map.index_select(dimension, low);
        return below.add(map.index_select(dimension, high).sub(below).mul(weight));
    }
}
