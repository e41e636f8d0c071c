using System.Globalization;
using MusicMask.Segmentation;
using MusicMask.Transforms;

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

    /// <summary>Mixtures further from 0 dB than this are refused: beyond it one side is lost in the other's rounding.</summary>
    public const double MaxSnrDecibels = 60;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting an evaluation cannot run with.</summary>
    public void Validate()
    {
        if (Snrs.Count == 0)
        {
            throw new ArgumentException("no conditions: give 'clean' and/or SNRs in dB");
        }

        if (Snrs.FirstOrDefault(snr => snr is { } db && !(Math.Abs(db) <= MaxSnrDecibels)) is { } bad)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"SNR {bad} dB: conditions must lie within -{MaxSnrDecibels} to +{MaxSnrDecibels} dB"));
        }

        if (WindowsPerCondition < 1)
        {
            throw new ArgumentException($"windows per condition must be at least 1, not {WindowsPerCondition}");
        }

        if (BootstrapReplicates < 1)
        {
            throw new ArgumentException($"bootstrap replicates must be at least 1, not {BootstrapReplicates}");
        }

        var oneWindow = WindowGrid.WindowSamples / (double)SpectrogramParameters.SampleRate;
        if (!(ExcerptSeconds >= oneWindow))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"excerpts of {ExcerptSeconds} s are shorter than one window ({oneWindow:F3} s)"));
        }
    }

    /// <summary>
    /// The seed of one condition's excerpt draws: a fixed function of the seed and the SNR (HashCode.Combine would
    /// differ from process to process, and so would the excerpts).
    /// </summary>
    public int ConditionSeed(double? snr) => unchecked(Seed * 7919 + (snr is { } db ? (int)Math.Round(db * 100) : 1_000_000));
}
