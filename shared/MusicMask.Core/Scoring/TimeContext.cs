using System.Globalization;

namespace MusicMask.Scoring;

/// <summary>
/// Reads every window of a whole recording with the moments around it: logit p + column · w(j) · m(j) + around · M(j) +
/// bias, where m(j) is the mean logit of column j's sounding windows, M(j) the sum of m over the sounding columns from
/// j - radius to j + radius divided by the reach's 2 · radius + 1 columns, and w(j) the share of those columns that
/// sound. Music and what is not music last longer than a window's step, so the columns around a window tell whether
/// music plays there better than its own column does; every window of a column moves by the same amount, so which
/// bands of a moment are music is still their own evidence. Where the reach is not full (a recording's ends, digital
/// silence, a clip shorter than the reach) the context weighs only as much as it has heard, so a one-second clip is
/// read nearly as itself. Applied to the window probabilities of the whole recording
/// (<see cref="Segmentation.ProbabilityMapBuilder"/>), after the <see cref="ColumnContext"/>, so it does not depend on
/// how the recording was cut into tiles. Windows the <see cref="SilenceGate"/> set to exactly 0 take no part and stay
/// 0. Fitted after the column context (musicmask-train time-context) and carried in the model's metadata_props.
/// </summary>
public sealed record TimeContext(float Column, float Around, float Bias, int Radius)
{
    public const string PropertyName = "time_context";

    public float Column { get; init; } = float.IsFinite(Column) ? Column : throw new ArgumentOutOfRangeException(nameof(Column), Column, "a time context's weights are finite");

    public float Around { get; init; } = float.IsFinite(Around) ? Around : throw new ArgumentOutOfRangeException(nameof(Around), Around, "a time context's weights are finite");

    public float Bias { get; init; } = float.IsFinite(Bias) ? Bias : throw new ArgumentOutOfRangeException(nameof(Bias), Bias, "a time context's bias is finite");

    public int Radius { get; init; } = Radius is >= 1 and <= MaxRadius ? Radius : throw new ArgumentOutOfRangeException(nameof(Radius), Radius, $"a time context reaches 1 to {MaxRadius} columns");

    /// <summary>Refuses a radius past which the mean would reach further than a few seconds, where music changes.</summary>
    public const int MaxRadius = 64;

    /// <summary>The context in a model's metadata, or null when the model has none.</summary>
    public static TimeContext? FromProperties(IReadOnlyDictionary<string, string> properties) =>
        properties.TryGetValue(PropertyName, out var text) ? Parse(text) : null;

    /// <summary>Reads <see cref="ToProperty"/>'s text: column, around, bias and radius, comma-separated.</summary>
    public static TimeContext Parse(string text)
    {
        var parts = text.Split(',');
        var values = new float[3];
        var valid = parts.Length == 4;
        for (var i = 0; valid && i < values.Length; i++)
        {
            valid = float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && float.IsFinite(values[i]);
        }

        var radius = 0;
        if (!valid || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out radius) || radius is < 1 or > MaxRadius)
        {
            throw new InvalidDataException($"'{PropertyName}' is not three finite numbers and a radius from 1 to {MaxRadius} (column, around, bias, radius): \"{text}\"");
        }

        return new TimeContext(values[0], values[1], values[2], radius);
    }

    public string ToProperty() =>
        string.Join(',', new[] { Column, Around, Bias }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + Radius.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rewrites band-major window probabilities [bands, <paramref name="windowColumns"/>] of a whole recording in place.</summary>
    public void Apply(float[] probabilities, long windowColumns)
    {
        var columns = checked((int)windowColumns);
        var (columnFeature, aroundFeature) = Features(probabilities, columns, Radius);
        var shift = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            shift[j] = Column * columnFeature[j] + Around * aroundFeature[j] + Bias;
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] > 0)
            {
                probabilities[i] = (float)ColumnContext.Sigmoid(ColumnContext.Logit(probabilities[i]) + shift[i % columns]);
            }
        }
    }

    /// <summary>
    /// The two features of each column: w(j) · m(j), its mean logit over its windows above 0 (NaN for a column with
    /// none) times the share of its reach that sounds, and M(j), the sum of those means over the reach divided by the
    /// reach's 2 · radius + 1 columns; both are the unweighted means times that share.
    /// </summary>
    public static (double[] Column, double[] Around) Features(float[] probabilities, int columns, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var means = ColumnContext.MeanLogits(probabilities, columns, i => probabilities[i] > 0);
        var (meanSumBefore, soundingBefore) = (new double[columns + 1], new int[columns + 1]);
        for (var j = 0; j < columns; j++)
        {
            var sounding = !double.IsNaN(means[j]);
            meanSumBefore[j + 1] = meanSumBefore[j] + (sounding ? means[j] : 0);
            soundingBefore[j + 1] = soundingBefore[j] + (sounding ? 1 : 0);
        }

        var (column, around) = (new double[columns], new double[columns]);
        for (var j = 0; j < columns; j++)
        {
            var (first, last) = (Math.Max(0, j - radius), Math.Min(columns - 1, j + radius));
            var share = (double)(soundingBefore[last + 1] - soundingBefore[first]) / (2 * radius + 1);
            column[j] = share * means[j];
            around[j] = (meanSumBefore[last + 1] - meanSumBefore[first]) / (2 * radius + 1);
        }

        return (column, around);
    }
}
