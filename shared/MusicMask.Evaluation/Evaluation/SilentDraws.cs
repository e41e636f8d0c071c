namespace MusicMask.Evaluation;

/// <summary>
/// Stops an evaluation whose folders give nothing to score: excerpt pairs whose music or noise has no window above
/// the silence floor are drawn again, so folders of digital silence would otherwise be drawn from for ever.
/// </summary>
internal sealed class SilentDraws(float floorDecibels)
{
    /// <summary>Excerpt pairs in a row lacking sound on one side before the run stops.</summary>
    public const int Limit = 200;

    private int _inARow;
    private int _musicSilent;
    private int _noiseSilent;

    /// <summary>Counts one drawn pair: whether its music and its noise had a window above the floor.</summary>
    public void Add(bool musicAudible, bool noiseAudible)
    {
        if (musicAudible && noiseAudible)
        {
            _inARow = 0;
            return;
        }

        _inARow++;
        _musicSilent += musicAudible ? 0 : 1;
        _noiseSilent += noiseAudible ? 0 : 1;
        if (_inARow >= Limit)
        {
            var side = _musicSilent >= _noiseSilent ? "music" : "noise";
            throw Silent($"{Limit} excerpt pairs in a row had no {side} window above {floorDecibels} dB", side);
        }
    }

    /// <summary>The same error when a condition ends without windows of one class, rather than an ROC that cannot be drawn.</summary>
    public void EnsureBothClasses(IReadOnlyList<bool> labels)
    {
        var music = labels.Count(label => label);
        if (music == 0 || music == labels.Count)
        {
            var side = music == 0 ? "music" : "noise";
            throw Silent($"no {side} window above {floorDecibels} dB in this condition", side);
        }
    }

    private static InvalidDataException Silent(string what, string side) =>
        new($"{what}: the {side} files are silent or nearly so");
}
