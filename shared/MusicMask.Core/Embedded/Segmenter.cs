using System.Collections.Concurrent;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Embedded;

/// <summary>
/// The embedded pipeline: one file in, results out, all cores busy. Ingest streams tiles into a bounded queue
/// while <see cref="SegmenterOptions.Threads"/> scorers drain it, so memory stays bounded for any length.
/// </summary>
public sealed class Segmenter
{
    private readonly Func<SpectrogramTile, WindowScores> _score;
    private readonly int _threads;
    private readonly bool _gateEmptyCells;

    public Segmenter(StripScorer scorer, SegmenterOptions? options = null)
        : this(scorer.Score, scorer.Model, options)
    {
    }

    /// <summary>With any scoring function: how tests make scoring fail.</summary>
    internal Segmenter(Func<SpectrogramTile, WindowScores> score, ModelInfo model, SegmenterOptions? options = null)
    {
        options ??= new SegmenterOptions();
        _score = score;
        _threads = Math.Max(1, options.Threads);
        _gateEmptyCells = options.GateEmptyCells;
        Model = model;
    }

    public ModelInfo Model { get; }

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
        // A scorer that fails cancels the rest, so the decoder is not left blocked on a full queue nobody drains.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scorers = Enumerable.Range(0, _threads)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        foreach (var tile in tiles.GetConsumingEnumerable(stop.Token))
                        {
                            builder.Add(clock.Time(Stages.Scoring, () => _score(tile)));
                        }
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        stop.Cancel();
                        throw;
                    }
                },
                stop.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();

        TilingSummary summary;
        try
        {
            var length = source.Length;
            summary = SpectrogramTiler.Run(
                source,
                tile => tiles.Add(tile, stop.Token),
                preview,
                clock,
                samples => { if (length > 0) progress?.Report(Math.Min(1.0, (double)samples / length.Value)); },
                cancellationToken: stop.Token);
        }
        finally
        {
            tiles.CompleteAdding();
            RethrowScoringFailure(scorers);
        }

        var map = clock.Time(Stages.Stitch, () => _gateEmptyCells ? EmptyCells.Gate(builder.Build(summary.Grid), preview) : builder.Build(summary.Grid));
        var segments = SegmentFinder.Find(map, summary.DurationSeconds);
        progress?.Report(1.0);
        var source1 = new SourceInfo(input.Name, null, null, new FileInfo(path).Length, summary.Format, summary.InputRate, summary.Channels);
        return new SegmentationResult(source1, summary, map, segments, preview, clock, total);
    }

    /// <summary>Waits for the scorers; a scorer's own failure is rethrown as itself (not the cancellation it caused).</summary>
    private static void RethrowScoringFailure(Task[] scorers)
    {
        try
        {
            Task.WaitAll(scorers, CancellationToken.None);
        }
        catch (AggregateException errors) when (errors.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
