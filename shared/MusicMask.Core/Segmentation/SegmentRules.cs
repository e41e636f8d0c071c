namespace MusicMask.Segmentation;

/// <summary>
/// How column decisions become time segments. Music is a sustained sound: a dip shorter than
/// <see cref="BridgedGapSeconds"/> between two music runs is a pause inside the music (a breath, a break, a word over
/// a bed), and a music run shorter than <see cref="MinimumMusicSeconds"/> is a tonal moment in speech or field sound
/// (a held vowel, a bird call, a whine). A recording that is music from its first column to its last stays music
/// however short it is, so archives of short jingles keep them. The defaults were chosen on the validation packages
/// (models/README.md, point 31); <see cref="None"/> is the paper's per-column decision.
/// </summary>
public sealed record SegmentRules(double MinimumMusicSeconds, double BridgedGapSeconds)
{
    public static SegmentRules Default { get; } = new(3.0, 1.25);

    public static SegmentRules None { get; } = new(0, 0);
}
