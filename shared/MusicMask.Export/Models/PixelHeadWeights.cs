namespace MusicMask.Models;

/// <summary>
/// A readout per tap of the network (the ReLU output of each of the four convolutions before its pooling, and of the
/// dense layer): 1x1 convolutions with ReLU between them, ending in one logit channel. The logits of every tap,
/// read bilinearly at each pixel and summed, are the pixel's music logit (<c>Scoring.PixelLogits</c>).
/// </summary>
public sealed record PixelHeadWeights(IReadOnlyList<IReadOnlyList<ConvWeights>> Readouts)
{
    /// <summary>Random readouts (a hidden layer of 4 on every tap) for a network of <paramref name="hidden"/> dense units, for tests of the scoring machinery.</summary>
    public static PixelHeadWeights Random(int seed, int hidden = NetworkWeights.DefaultHidden)
    {
        var random = new Random(seed);
        var taps = Scoring.PixelHeadGeometry.Taps;
        return new PixelHeadWeights(Enumerable.Range(0, taps)
            .Select(tap => (IReadOnlyList<ConvWeights>)
            [
                ConvWeights.Random(random, 4, tap < taps - 1 ? NetworkWeights.Channels : hidden, 1, 1),
                ConvWeights.Random(random, 1, 4, 1, 1),
            ])
            .ToArray());
    }
}
