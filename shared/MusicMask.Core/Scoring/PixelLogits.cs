using System.Numerics.Tensors;

namespace MusicMask.Scoring;

/// <summary>
/// The music probability of every pixel from a pixel head's outputs: each tap's logit map read bilinearly at the
/// pixel (<see cref="PixelHeadGeometry"/>), summed, through the logistic. Frequency-major [bins, frames].
/// </summary>
public static class PixelLogits
{
    /// <param name="maps">Each tap's logits, frequency-major, with its rows and columns.</param>
    public static float[] Probabilities(IReadOnlyList<(float[] Values, int Rows, int Columns)> maps, int bins, int frames)
    {
        if (maps.Count != PixelHeadGeometry.Taps)
        {
            throw new ArgumentException($"a pixel head has {PixelHeadGeometry.Taps} taps, not {maps.Count}", nameof(maps));
        }

        var logits = new float[bins * frames];
        for (var tap = 0; tap < maps.Count; tap++)
        {
            var (values, rows, columns) = maps[tap];
            if (rows < 1 || columns < 1 || values.Length != rows * columns)
            {
                throw new InvalidDataException($"tap {tap + 1} returned {values.Length} logits for a {rows} x {columns} map");
            }

            // Separable: every row of the map read at every frame first, then every bin between two such rows.
            var alongTime = AlongTime(values, rows, columns, PixelHeadGeometry.Time(tap), frames);
            var frequency = PixelHeadGeometry.Frequency(tap);
            for (var bin = 0; bin < bins; bin++)
            {
                var (low, high, up) = frequency.Between(bin, rows);
                var target = logits.AsSpan(bin * frames, frames);
                TensorPrimitives.MultiplyAdd(alongTime.AsSpan(low * frames, frames), 1 - up, target, target);
                TensorPrimitives.MultiplyAdd(alongTime.AsSpan(high * frames, frames), up, target, target);
            }
        }

        TensorPrimitives.Sigmoid(logits, logits);
        return logits;
    }

    /// <summary>Each of the map's rows read linearly at frames 0..frames-1: [rows, frames].</summary>
    private static float[] AlongTime(float[] values, int rows, int columns, PixelHeadGeometry.Axis time, int frames)
    {
        var across = new (int Left, int Right, float Weight)[frames];
        for (var t = 0; t < frames; t++)
        {
            across[t] = time.Between(t, columns);
        }

        var read = new float[rows * frames];
        for (var row = 0; row < rows; row++)
        {
            var source = values.AsSpan(row * columns, columns);
            var target = read.AsSpan(row * frames, frames);
            for (var t = 0; t < frames; t++)
            {
                var (left, right, w) = across[t];
                target[t] = source[left] + w * (source[right] - source[left]);
            }
        }

        return read;
    }
}
