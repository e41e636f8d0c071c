using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Separation;

namespace MusicMask.Embedded;

/// <summary>
/// One file on its way through <see cref="SegmenterPipeline"/>: its preview and clock, its tiles' scores as they
/// arrive, and the first thing that went wrong with it. It is done once the reader has let go of it and every
/// tile it queued has been scored or dropped.
/// </summary>
internal sealed class FileRun(int index, AudioInput input, IProgress<double>? progress, TimeContext? timeContext, CancellationToken cancellationToken, bool audio = false) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private ExceptionDispatchInfo? _failure;
    private int _holds = 1;

    public int Index { get; } = index;

    public AudioInput Input { get; } = input;

    public IProgress<double>? Progress { get; } = progress;

    public StageClock Clock { get; } = new();

    public Stopwatch Elapsed { get; } = new();

    public SpectrogramPreview Preview { get; } = new();

    /// <summary>The tiles' scores until the file is stitched; a long file's are tens of MB not needed while its outputs are written.</summary>
    public ProbabilityMapBuilder? Scores { get; private set; } = new(timeContext);

    public TilingSummary? Summary { get; set; }

    /// <summary>The 44.1 kHz signal, kept for `--audio` until the result takes it over.</summary>
    public SignalSpool? Signal { get; private set; } = audio ? new SignalSpool() : null;

    /// <summary>Cancelled when the file fails (or the whole run is cancelled): its remaining work is skipped.</summary>
    public CancellationToken Stopped => _stop.Token;

    public ExceptionDispatchInfo? Failure => Volatile.Read(ref _failure);

    /// <summary>Records the first failure and stops the file's remaining work.</summary>
    public void Fail(Exception error)
    {
        if (Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(error), null) is null)
        {
            _stop.Cancel();
        }
    }

    /// <summary>A tile of this file entered the queue: the file is not done before it leaves.</summary>
    public void Hold() => Interlocked.Increment(ref _holds);

    /// <summary>Lets go of one hold; true for the last, after which the file is done.</summary>
    public bool Release() => Interlocked.Decrement(ref _holds) == 0;

    /// <summary>The stitched result of a file every tile of which was scored.</summary>
    public SegmentationResult Finish(bool gateEmptyCells, int threads)
    {
        var summary = Summary ?? throw new InvalidOperationException($"{Input.Path} was not read to its end");
        var scores = Scores ?? throw new InvalidOperationException($"{Input.Path} was stitched already");
        Scores = null;
        var map = Clock.Time(Stages.Stitch, () => gateEmptyCells ? EmptyCells.Gate(scores.Build(summary.Grid), Preview) : scores.Build(summary.Grid));
        AudioSeparation? audio = null;
        if (Signal is { } signal)
        {
            Signal = null;
            audio = AudioSeparation.Prepare(signal, map, Preview, threads, Clock);
        }

        var segments = SegmentFinder.Find(map, summary.DurationSeconds);
        Progress?.Report(1.0);
        var source = new SourceInfo(Input.Name, null, null, new FileInfo(Input.Path).Length, summary.Format, summary.InputRate, summary.Channels);
        return new SegmentationResult(source, summary, map, segments, Preview, Clock, Elapsed, audio);
    }

    public void Dispose()
    {
        _stop.Dispose();
        Signal?.Dispose();
    }
}
