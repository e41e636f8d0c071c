using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Evaluation;

/// <summary>The pipeline's analysis of one in-memory signal: window probabilities, window levels and the cell map.</summary>
public sealed record ScoredSignal(WindowGrid Grid, float[] WindowProbabilities, float[] WindowDecibels, ProbabilityMap Map);

public static class SignalScorer
{
    /// <summary>Runs the signal through the same tiling, scoring and stitching as the pipeline.</summary>
    public static ScoredSignal Score(StripScorer scorer, float[] signal)
    {
        var builder = new ProbabilityMapBuilder(scorer.TimeContext);
        var levels = new Dictionary<int, float[]>();
        var summary = SpectrogramTiler.Run(
            new ArrayAudioSource(signal, SpectrogramParameters.SampleRate),
            tile =>
            {
                builder.Add(scorer.Score(tile));
                levels[tile.Range.Index] = WindowLevels.Of(tile);
            });
        var grid = summary.Grid;
        var probabilities = builder.WindowProbabilities(grid);
        var decibels = new float[WindowGrid.BandPositions * grid.WindowColumns];
        for (var index = 0; index < grid.TileCount; index++)
        {
            var range = grid.Tile(index);
            for (var band = 0; band < WindowGrid.BandPositions; band++)
            {
                levels[index].AsSpan(band * range.Windows, range.Windows).CopyTo(decibels.AsSpan((int)(band * grid.WindowColumns + range.FirstWindow)));
            }
        }

        return new ScoredSignal(grid, probabilities, decibels, ProbabilityMapBuilder.Stitch(grid, probabilities));
    }

    /// <summary>
    /// The cell map `segment` would write for the signal (scored, stitched and gated for empty cells), the
    /// sharpened map of <see cref="WindowDeconvolution"/>, gated the same way, the cell levels in dB, the band
    /// medians, and, when <paramref name="centreScorer"/> is given, the map of that model trained on window centres
    /// (<see cref="CentreStitch"/>), gated the same way, from the same tiles.
    /// </summary>
    public static (ProbabilityMap Map, ProbabilityMap Sharpened, float[] Levels, Separation.BandMedians Medians, ProbabilityMap? Centre) SegmentMaps(
        StripScorer scorer, float[] signal, int iterations, StripScorer? centreScorer = null)
    {
        var builder = new ProbabilityMapBuilder(scorer.TimeContext);
        var centreBuilder = centreScorer is null ? null : new ProbabilityMapBuilder(centreScorer.TimeContext);
        var preview = new SpectrogramPreview();
        var grid = SpectrogramTiler.Run(
            new ArrayAudioSource(signal, SpectrogramParameters.SampleRate),
            tile =>
            {
                builder.Add(scorer.Score(tile));
                centreBuilder?.Add(centreScorer!.Score(tile));
            },
            preview).Grid;
        var windows = builder.WindowProbabilities(grid);
        var map = EmptyCells.Gate(ProbabilityMapBuilder.Stitch(grid, windows), preview);
        var centre = centreBuilder is null ? null : EmptyCells.Gate(CentreStitch.Stitch(grid, centreBuilder.WindowProbabilities(grid)), preview);
        return (map, EmptyCells.Gate(WindowDeconvolution.Sharpen(grid, windows, iterations), preview), Separation.LevelGate.Levels(preview, map.Columns), Separation.BandMedians.Of(preview), centre);
    }

    /// <summary>
    /// The signal's log spectrogram as the model takes it, frequency-major [256, frames], frames padded with the
    /// spectrogram's floor to at least one window.
    /// </summary>
    public static (float[] Decibels, int Frames) Spectrogram(float[] signal)
    {
        var frames = (int)Math.Max(SpectrogramParameters.FramesFor(signal.Length), WindowGrid.WindowWidth);
        return (StftFramer.FrequencyMajor(signal, frames), frames);
    }

    /// <summary>Power per 16x16 cell (linear, summed), [16, cellColumns]: the ground truth for ideal masks.</summary>
    public static double[] CellPower(float[] signal, long cellColumns)
    {
        var power = new double[WindowGrid.CellRows * cellColumns];
        var frame = 0L;
        var framer = new StftFramer(decibels =>
        {
            var column = frame / WindowGrid.Stride;
            if (column < cellColumns)
            {
                for (var b = 0; b < SpectrogramParameters.Bins; b++)
                {
                    power[b / WindowGrid.Stride * cellColumns + column] += Math.Pow(10, decibels[b] / 10);
                }
            }

            frame++;
        });
        framer.Process(signal);
        framer.Flush();
        return power;
    }
}
