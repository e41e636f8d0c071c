namespace MusicMask.Training.Data.Singing;

/// <summary>
/// One syllable of a song: sung on one or more pitches in turn (a melisma), each held for its seconds; a syllable
/// of null is a rest. Pitches are MIDI numbers and may be fractional (a singer's intonation is not exact).
/// </summary>
public sealed record SungNote(string? Syllable, double[] Midi, double[] Seconds)
{
    public double Duration => Seconds.Sum();

    public bool IsRest => Syllable is null;

    public static SungNote Rest(double seconds) => new(null, [], [seconds]);

    public static double Hertz(double midi) => 440 * Math.Pow(2, (midi - 69) / 12);
}
