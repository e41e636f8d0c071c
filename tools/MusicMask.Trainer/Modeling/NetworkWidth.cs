using MusicMask.Models;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Feature maps per convolution and units of the dense layer. The contract's width is 32 and 64; anything wider is a
/// research network (a teacher to compare against, not a model to ship), and a wider network started from an export
/// starts as that export.
/// </summary>
public sealed record NetworkWidth(int Maps, int Hidden)
{
    public static NetworkWidth Contract { get; } = new(NetworkWeights.Channels, NetworkWeights.DefaultHidden);

    /// <summary>The width of an exported network.</summary>
    public static NetworkWidth Of(NetworkWeights weights) => new(weights.Features[0].OutChannels, weights.Hidden.OutChannels);

    public override string ToString() => $"{Maps} maps, {Hidden} dense units";
}
