using MusicMask.Models;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Feature maps per convolution and units of the dense layer. The contract's width is 32 and 64; anything wider is a
/// research network (a teacher to compare against, not a model to ship), and a wider network started from an export
/// starts as that export.
/// </summary>
public sealed record NetworkWidth
{
    /// <summary>
    /// libtorch runs these convolutions through oneDNN, whose blocked layouts hold maps in groups of 16. With 24 or 40
    /// maps the padded group was read uninitialised, and NaN filled 16 maps of the second convolution in 20 and 13 of
    /// 24 short runs here (in none of 24 with 32 or 48); so the map count must fill its groups.
    /// </summary>
    public const int MapGroup = 16;

    public NetworkWidth(int maps, int hidden)
    {
        if (maps < MapGroup || maps % MapGroup != 0)
        {
            throw new ArgumentException($"feature maps come in groups of {MapGroup} (16, 32, 48, ...), not {maps}: libtorch's CPU convolution gave NaN for other counts");
        }

        if (hidden < 1)
        {
            throw new ArgumentException($"the dense layer needs at least one unit, not {hidden}");
        }

        Maps = maps;
        Hidden = hidden;
    }

    public int Maps { get; }

    public int Hidden { get; }

    public static NetworkWidth Contract { get; } = new(NetworkWeights.Channels, NetworkWeights.DefaultHidden);

    /// <summary>The width of an exported network.</summary>
    public static NetworkWidth Of(NetworkWeights weights) => new(weights.Features[0].OutChannels, weights.Hidden.OutChannels);

    public override string ToString() => $"{Maps} maps, {Hidden} dense units";
}
