using MusicMask.Segmentation;

namespace MusicMask.Reports;

/// <summary>
/// A file's music over time in a few numbers: the share of each of <see cref="Bins"/> equal stretches that its
/// time segments call music. segments.json holds exactly that information in a few kilobytes even for hours of
/// audio, where the mask itself would take megabytes.
/// </summary>
public static class MusicProfile
{
    public const int Bins = 100;

    /// <summary>The highest level of <see cref="Encode"/>: one digit per bin, '0' for no music to '9' for all music.</summary>
    public const int Levels = 9;

    public static double[] FromSegments(IEnumerable<Segment> segments, double durationSeconds, int bins = Bins)
    {
        var shares = new double[bins];
        if (durationSeconds <= 0)
        {
            return shares;
        }

        var width = durationSeconds / bins;
        foreach (var segment in segments.Where(s => s.Label == Segment.Music))
        {
            var (start, end) = (Math.Clamp(segment.Start, 0, durationSeconds), Math.Clamp(segment.End, 0, durationSeconds));
            for (var bin = Math.Min(bins - 1, (int)(start / width)); bin < bins && bin * width < end; bin++)
            {
                var overlap = Math.Min(end, (bin + 1) * width) - Math.Max(start, bin * width);
                shares[bin] = Math.Min(1, shares[bin] + Math.Max(0, overlap) / width);
            }
        }

        return shares;
    }

    /// <summary>One digit per bin; any music at all shows as at least '1', so a short burst in a long file stays visible.</summary>
    public static string Encode(IReadOnlyList<double> shares) =>
        string.Create(shares.Count, shares, (digits, values) =>
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + (values[i] <= 0 ? 0 : Math.Clamp((int)Math.Round(values[i] * Levels, MidpointRounding.AwayFromZero), 1, Levels)));
            }
        });
}
