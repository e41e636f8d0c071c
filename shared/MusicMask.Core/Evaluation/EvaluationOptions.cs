namespace MusicMask.Evaluation;

public sealed class EvaluationOptions
{
    /// <summary>Conditions: null is clean (music alone vs noise alone), a number is music+noise at that SNR in dB.</summary>
    public IReadOnlyList<double?> Snrs { get; init; } = [null, 10, 5, 0, -5, -10];

    /// <summary>Labelled windows to score per condition (positives and negatives together, roughly).</summary>
    public int WindowsPerCondition { get; init; } = 60_000;

    public double ExcerptSeconds { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>Windows quieter than this (mean dB) are digital silence: neither class, left out.</summary>
    public float SilentWindowDecibels { get; init; } = -75f;
}
