namespace MusicMask.Audio;

/// <summary>
/// Decoding stopped before the end the container declared: the results cover <see cref="DecodedSeconds"/> of
/// audio. <see cref="DeclaredSeconds"/> is null when the container says only that more should have followed.
/// </summary>
public sealed record Truncation(string Reason, double DecodedSeconds, double? DeclaredSeconds)
{
    public double? MissingSeconds => DeclaredSeconds is { } declared ? Math.Round(declared - DecodedSeconds, 6) : null;

    public string Describe() => MissingSeconds is { } missing
        ? $"truncated: {Reason}; {DecodedSeconds:F2} s decoded of {DeclaredSeconds:F2} s declared ({missing:F2} s missing)"
        : $"truncated: {Reason}; {DecodedSeconds:F2} s decoded";
}
