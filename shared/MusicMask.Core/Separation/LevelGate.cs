using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Separation;

/// <summary>
/// Scales each cell's music probability down by how far the cell's level stands above the running median level of
/// its band: by min(1, 10^((median + <see cref="AboveMedianDecibels"/> − level) / 10)), the median taken over
/// ±<see cref="HalfSpanColumns"/> cell columns (±3 s). A sound that bursts out of the band's usual level, as most
/// intermittent noises do over a music bed, loses its cells; a steady noise or a steady music bed is left to the
/// model's probability. The window's 0.74 s cannot tell a 46 ms burst from the music around it; the level can.
/// </summary>
public static class LevelGate
{
    /// <summary>
    /// How far above its band's median a cell may stand before it is scaled down. At 0 dB on the validation split
    /// (`eval --separation --snr 0 --excerpts 60`) the SI-SDR improvement was 4.95 dB with 0 dB, 6.57 with 3 dB and
    /// 6.49 with 6 dB, against 1.65 without the gate; 6 dB spares more of the music's own swells.
    /// </summary>
    public const float AboveMedianDecibels = 6f;

    /// <summary>Cell columns either side of a cell over which its band's median is taken: in a draft, ±16 gave 0.7 dB less than ±64 at 0 dB, and ±256 the same as ±64 on 12 s excerpts.</summary>
    public const int HalfSpanColumns = 64;

    private const float StepDecibels = 0.5f;
    private const float LowestDecibels = -110f;
    private const int Steps = 400;

    /// <summary>
    /// Row-major [16, columns] cell levels in dB: the mean power of the cell's 8 preview rows (each the mean dB of
    /// 2 bins by 16 frames), so a loud band inside a cell counts as loud.
    /// </summary>
    public static float[] Levels(SpectrogramPreview preview, int columns)
    {
        const int previewRowsPerCell = SpectrogramPreview.Rows / WindowGrid.CellRows;
        var levels = new float[WindowGrid.CellRows * columns];
        Array.Fill(levels, SpectrogramPreview.FloorDecibels);
        for (var column = 0; column < Math.Min(columns, preview.Columns); column++)
        {
            for (var row = 0; row < WindowGrid.CellRows; row++)
            {
                double power = 0;
                for (var i = 0; i < previewRowsPerCell; i++)
                {
                    power += Math.Pow(10, preview.Decibels(row * previewRowsPerCell + i, column) / 10);
                }

                levels[row * columns + column] = (float)(10 * Math.Log10(power / previewRowsPerCell));
            }
        }

        return levels;
    }

    /// <param name="levels">Row-major [16, columns] cell levels in dB (<see cref="Levels"/>).</param>
    public static ProbabilityMap Apply(ProbabilityMap map, ReadOnlySpan<float> levels, float aboveMedian = AboveMedianDecibels, int halfSpan = HalfSpanColumns)
    {
        if (levels.Length != map.Values.Length)
        {
            throw new ArgumentException($"needs {map.Values.Length} cell levels, not {levels.Length}", nameof(levels));
        }

        var columns = map.Columns;
        var values = map.Values.ToArray();
        var steps = new int[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            steps[i] = Math.Clamp((int)((levels[i] - LowestDecibels) / StepDecibels), 0, Steps - 1);
        }

        var medians = new int[columns];
        for (var row = 0; row < WindowGrid.CellRows; row++)
        {
            SlidingMedian.Along(steps.AsSpan(row * columns, columns), Steps, halfSpan, medians);
            for (var column = 0; column < columns; column++)
            {
                var typical = LowestDecibels + (medians[column] + 0.5f) * StepDecibels;
                var excess = levels[row * columns + column] - typical - aboveMedian;
                if (excess > 0)
                {
                    values[row * columns + column] *= MathF.Pow(10, -excess / 10);
                }
            }
        }

        return map with { Values = values };
    }
}
