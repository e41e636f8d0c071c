using System.Runtime.ExceptionServices;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Embedded;

/// <summary>
/// The embedded pipeline: files in, results out, all cores busy (<see cref="SegmenterPipeline"/>). Ingest streams
/// tiles into a bounded queue while <see cref="SegmenterOptions.Threads"/> scorers drain it, so memory stays
/// bounded for any length and any number of files.
/// </summary>
public sealed class Segmenter
{
    private readonly SegmenterPipeline _pipeline;

    public Segmenter(StripScorer scorer, SegmenterOptions? options = null)
        : this(scorer.Score, scorer.Model, options, scorer.TimeContext)
    {
    }

    /// <summary>With any scoring function: how tests make scoring fail.</summary>
    internal Segmenter(Func<SpectrogramTile, WindowScores> score, ModelInfo model, SegmenterOptions? options = null, TimeContext? timeContext = null)
    {
        options ??= new SegmenterOptions();
        _pipeline = new SegmenterPipeline(score, timeContext, Math.Max(1, options.Threads), options.GateEmptyCells, options.Audio);
        Model = model;
    }

    public ModelInfo Model { get; }

    /// <summary>Decodes, scores and stitches one file, named by its file name. <paramref name="progress"/> gets the fraction read, when the length is known.</summary>
    public SegmentationResult Run(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Run(new AudioInput(path, Path.GetFileName(path)), progress, cancellationToken);

    /// <summary>Decodes, scores and stitches one input; its manifest carries the input's name.</summary>
    public SegmentationResult Run(AudioInput input, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        SegmentationResult? result = null;
        RunAll(
            [input],
            (_, segmented, failure) =>
            {
                failure?.Throw();
                result = segmented;
            },
            _ => progress,
            cancellationToken);
        return result!;
    }

    /// <summary>
    /// Segments every input, the next files read while the current ones score; <paramref name="onFile"/> gets, in
    /// input order on the calling thread, each file's index and its result or what failed it (an input with a
    /// <see cref="AudioInput.Problem"/> fails with it, unopened). <paramref name="progress"/> gives a file's progress sink.
    /// </summary>
    public void RunAll(
        IReadOnlyList<AudioInput> inputs,
        Action<int, SegmentationResult?, ExceptionDispatchInfo?> onFile,
        Func<int, IProgress<double>?>? progress = null,
        CancellationToken cancellationToken = default) =>
        _pipeline.Run(inputs, onFile, progress, cancellationToken);
}
