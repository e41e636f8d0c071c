using System.Globalization;

namespace MusicMask.Scoring;

/// <summary>
/// A window's music logit read together with the other bands of its time column: own · z + column · (mean z of the
/// column's audible windows) + bias. A 64-bin window hears 5.5 kHz of a recording; whether music plays at that
/// moment is told far better by all thirteen bands together, and adding the same amount to every band of a column
/// keeps their order, so which bands of a moment are music is still the window's own evidence. Windows at the
/// floor (<see cref="SilenceGate"/>) take no part in the mean: an empty top octave says nothing about the rest.
/// Fitted after training (musicmask-train context) and carried in the model's metadata_props.
/// </summary>
public sealed record ColumnContext(float Own, float Column, float Bias)
{
    public const string PropertyName = "column_context";

    /// <summary>The context in a model's metadata, or null when the model has none.</summary>
    public static ColumnContext? FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        if (!properties.TryGetValue(PropertyName, out var text))
        {
            return null;
        }

        var parts = text.Split(',');
        var values = new float[3];
        var valid = parts.Length == values.Length;
        for (var i = 0; valid && i < values.Length; i++)
        {
            valid = float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && float.IsFinite(values[i]);
        }

        // A window's own weight must stay positive, or the bands of a moment would lose or reverse their order.
        if (!valid || values[0] <= 0)
        {
            throw new InvalidDataException($"model metadata '{PropertyName}' is not three finite numbers (own > 0, column, bias): \"{text}\"");
        }

        return new ColumnContext(values[0], values[1], values[2]);
    }

    public string ToProperty() => string.Join(',', new[] { Own, Column, Bias }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Rewrites band-major window probabilities [bands, windows] in place; <paramref name="levels"/> are the windows'
    /// mean dB, the same layout. A column whose every window is at the floor keeps its probabilities.
    /// </summary>
    public void Apply(float[] probabilities, float[] levels, int windows)
    {
        var means = ColumnMeans(probabilities, levels, windows);
        for (var i = 0; i < probabilities.Length; i++)
        {
            var mean = means[i % windows];
            if (!double.IsNaN(mean))
            {
                probabilities[i] = (float)Sigmoid(Own * Logit(probabilities[i]) + Column * mean + Bias);
            }
        }
    }

    /// <summary>Each time column's mean logit over its windows above the floor; NaN for a column with none.</summary>
    public static double[] ColumnMeans(float[] probabilities, float[] levels, int windows)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(levels.Length, probabilities.Length);
        return MeanLogits(probabilities, windows, i => levels[i] >= SilenceGate.FloorWindowDecibels);
    }

    /// <summary>Each time column's mean logit over the band-major windows <paramref name="counted"/> takes; NaN for a column with none.</summary>
    internal static double[] MeanLogits(float[] probabilities, int windows, Func<int, bool> counted)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(probabilities.Length % windows, 0);
        var (sums, counts) = (new double[windows], new int[windows]);
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (counted(i))
            {
                sums[i % windows] += Logit(probabilities[i]);
                counts[i % windows]++;
            }
        }

        return sums.Select((sum, column) => counts[column] == 0 ? double.NaN : sum / counts[column]).ToArray();
    }

    public static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>The logit of a probability, clamped so that a saturated float (0 or 1) stays finite.</summary>
    public static double Logit(float probability)
    {
        var p = Math.Clamp((double)probability, 1e-7, 1 - 1e-7);
        return Math.Log(p / (1 - p));
    }
}
