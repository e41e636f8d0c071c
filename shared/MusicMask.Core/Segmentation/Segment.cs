namespace MusicMask.Segmentation;

/// <summary>A stretch of time with one label, "music" or "noise".</summary>
public sealed record Segment(double Start, double End, string Label, double MeanProbability)
{
    public const string Music = "music";
    public const string Noise = "noise";
}
