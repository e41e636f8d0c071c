using System.Collections.Concurrent;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Pipeline;

/// <summary>
/// The embedded pipeline: one file in, results out, all cores busy. Ingest streams tiles into a bounded queue
/// while <see cref="SegmenterOptions.Threads"/> scorers drain it, so memory stays bounded for any length.
/// </summary>
public sealed class Segmenter(StripScorer scorer, SegmenterOptions? options = null)
{
    private readonly int _threads = Math.Max(1, (options ?? new SegmenterOptions()).Threads);
    private readonly bool _gateEmptyCells = (options ?? new SegmenterOptions()).GateEmptyCells;
    public ModelInfo Model => scorer.Model;

    /// <summary>Decodes, scores and stitches one file, named by its file name. <paramref name="progress"/> gets the fraction read, when the length is known.</summary>
    public SegmentationResult Run(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Run(new AudioInput(path, Path.GetFileName(path)), progress, cancellationToken);

    /// <summary>Decodes, scores and stitches one input; its manifest carries the input's name.</summary>
    public SegmentationResult Run(AudioInput input, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = input.Path;
        var total = Stopwatch.StartNew();
        var clock = new StageClock();
        using var source = AudioDecoder.Open(path);
        var preview = new SpectrogramPreview();
        var builder = new ProbabilityMapBuilder();
        using var tiles = new BlockingCollection<SpectrogramTile>(boundedCapacity: 2 * _threads);
        var scorers = Enumerable.Range(0, _threads)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    foreach (var tile in tiles.GetConsumingEnumerable(cancellationToken))
                    {
                        builder.Add(clock.Time(Stages.Scoring, () => scorer.Score(tile)));
                    }
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();

        TilingSummary summary;
        try
        {
            var length = source.Length;
            summary = SpectrogramTiler.Run(
                source,
                tile => tiles.Add(tile, cancellationToken),
                preview,
                clock,
                samples => { if (length > 0) progress?.Report(Math.Min(1.0, (double)samples / length.Value)); },
                cancellationToken: cancellationToken);
        }
        finally
        {
            tiles.CompleteAdding();
            Task.WaitAll(scorers, CancellationToken.None);
        }

        var map = clock.Time(Stages.Stitch, () => _gateEmptyCells ? EmptyCells.Gate(builder.Build(summary.Grid), preview) : builder.Build(summary.Grid));
        var segments = SegmentFinder.Find(map, summary.DurationSeconds);
        progress?.Report(1.0);
        var source1 = new SourceInfo(input.Name, null, null, new FileInfo(path).Length, summary.Format, summary.InputRate, summary.Channels);
        return new SegmentationResult(source1, summary, map, segments, preview, clock, total);
    }
}
