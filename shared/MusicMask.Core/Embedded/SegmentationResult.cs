using System.Diagnostics;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Embedded;

/// <summary>A stitched result, ready to be written wherever the host keeps results.</summary>
public sealed record SegmentationResult(
    SourceInfo Source,
    TilingSummary Tiling,
    ProbabilityMap Map,
    IReadOnlyList<Segment> Segments,
    SpectrogramPreview Preview,
    StageClock Clock,
    Stopwatch Elapsed,
    AudioSeparation? Audio = null)
{
    /// <summary>
    /// Renders every output file, timing it, and the manifest (last in the list). With <see cref="Audio"/>, also the
    /// gated map, and music.wav and remainder.wav streamed through <paramref name="createFile"/> when given.
    /// </summary>
    public IReadOnlyList<(string Name, byte[] Content)> RenderFiles(ModelInfo model, Func<string, Stream>? createFile = null)
    {
        var files = Clock.Time(Stages.Outputs, () => ResultFiles.Create(Map, Segments, Preview, Tiling.DurationSeconds, Source.Name)).ToList();
        var streamed = new List<string>();
        if (Audio is { } audio)
        {
            files.Add((ResultFiles.GatedProbability, ResultFiles.Npy(audio.Map)));
            if (createFile is not null)
            {
                Clock.Time(Stages.Separate, () => audio.Write(createFile));
                streamed.AddRange([ResultFiles.Music, ResultFiles.Remainder]);
            }
        }

        var stages = new Dictionary<string, double>(Clock.Seconds()) { [Stages.Total] = Math.Round(Elapsed.Elapsed.TotalSeconds, 4) };
        var manifest = new ResultManifest
        {
            Source = Source,
            DurationSeconds = Math.Round(Tiling.DurationSeconds, 6),
            Frames = Tiling.Grid.RealFrames,
            CellColumns = Map.Columns,
            Model = model,
            Parameters = Parameters(Audio is not null),
            StageSeconds = stages,
            Files = streamed.Concat(files.Select(f => f.Name)).ToArray(),
            MusicSegments = Segments.Count(s => s.Label == Segment.Music),
            MusicSeconds = Math.Round(Segments.Where(s => s.Label == Segment.Music).Sum(s => s.End - s.Start), 3),
            Truncation = Tiling.Truncation,
        };
        files.Add((ResultFiles.Manifest, ResultFiles.Serialize(manifest)));
        return files;
    }

    private static IReadOnlyDictionary<string, double> Parameters(bool audio)
    {
        var parameters = new Dictionary<string, double>
        {
        ["sample_rate"] = SpectrogramParameters.SampleRate,
        ["n_fft"] = SpectrogramParameters.FftSize,
        ["hop"] = SpectrogramParameters.Hop,
        ["bins"] = SpectrogramParameters.Bins,
        ["window_height"] = WindowGrid.WindowHeight,
        ["window_width"] = WindowGrid.WindowWidth,
        ["stride"] = WindowGrid.Stride,
        ["threshold"] = ProbabilityMap.Threshold,
        ["cell_seconds"] = Math.Round(SegmentFinder.CellSeconds, 6),
        ["minimum_music_seconds"] = SegmentRules.Default.MinimumMusicSeconds,
        ["bridged_gap_seconds"] = SegmentRules.Default.BridgedGapSeconds,
        };
        if (audio)
        {
            parameters["audio_level_gate_db"] = Separation.LevelGate.AboveMedianDecibels;
            parameters["audio_level_gate_columns"] = Separation.LevelGate.HalfSpanColumns;
            parameters["audio_pixel_gate_db"] = Separation.PixelGatedMask.AboveMedianDecibels;
        }

        return parameters;
    }
}
