namespace MusicMask.Embedded;

/// <summary>Names of the stages timed in manifests and benchmarks.</summary>
public static class Stages
{
    public const string Decode = "decode";
    public const string Resample = "resample";
    public const string Stft = "stft";
    public const string Scoring = "scoring";
    public const string Stitch = "stitch";
    public const string Outputs = "outputs";
    public const string Separate = "separate";
    public const string Total = "total";
}
