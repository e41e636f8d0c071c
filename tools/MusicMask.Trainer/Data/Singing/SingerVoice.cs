namespace MusicMask.Training.Data.Singing;

/// <summary>A singer's range (MIDI numbers of the lowest and highest note) and the syllables of their language.</summary>
public sealed record SingerVoice(int Lowest, int Highest, string[] Syllables)
{
    private static readonly string[] English =
    [
        "la", "love", "you", "oh", "my", "heart", "night", "day", "home", "sun", "go", "away", "dream", "light", "rain",
        "sea", "sky", "free", "old", "road", "way", "one", "more", "time", "ah", "come", "sing", "sweet", "low", "high",
    ];

    private static readonly string[] Italian =
    [
        "la", "mi", "a", "mo", "re", "so", "le", "cuo", "no", "tte", "be", "lla", "ma", "ri", "na", "vi", "ta", "o",
        "ca", "ro", "sta", "mia", "do", "lo",
    ];

    private static readonly string[] Czech =
    [
        "la", "na", "ma", "jo", "ty", "sr", "dce", "mo", "je", "do", "ma", "ve", "cer", "pi", "ska", "zi", "va", "ho",
        "ra", "le", "to",
    ];

    public static SingerVoice Male(string language) => new(43, 64, SyllablesOf(language));

    // Festival's diphone voices crash above about 500 Hz, so the range stops at B4.
    public static SingerVoice Female(string language) => new(55, 71, SyllablesOf(language));

    public static string[] SyllablesOf(string language) => language switch
    {
        "en" => English,
        "it" => Italian,
        "cs" => Czech,
        _ => throw new ArgumentException($"no syllables for the language '{language}' (en, it or cs)"),
    };
}
