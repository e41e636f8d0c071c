namespace MusicMask.Evaluation;

public sealed class EvaluationOptions
{
    /// <summary>Conditions: null is clean (music alone vs noise alone), a number is music+noise at that SNR in dB.</summary>
    public IReadOnlyList<double?> Snrs { get; init; } = [null, 10, 5, 0, -5, -10];

    /// <summary>Labelled windows to score per condition (positives and negatives together, roughly).</summary>
    public int WindowsPerCondition { get; init; } = 60_000;

    public double ExcerptSeconds { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>Resamplings of the excerpt pairs behind each AUC interval.</summary>
    public int BootstrapReplicates { get; init; } = 1000;

    /// <summary>Windows quieter than this (mean dB) are digital silence: neither class, left out.</summary>
    public float SilentWindowDecibels { get; init; } = -75f;

    /// <summary>
    /// The seed of one condition's excerpt draws: a fixed function of the seed and the SNR (HashCode.Combine would
    /// differ from process to process, and so would the excerpts).
    /// </summary>
    public int ConditionSeed(double? snr) => unchecked(Seed * 7919 + (snr is { } db ? (int)Math.Round(db * 100) : 1_000_000));
}
