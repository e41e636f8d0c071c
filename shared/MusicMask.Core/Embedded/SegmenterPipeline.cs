using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MusicMask.Audio;
using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Embedded;

/// <summary>
/// Keeps the cores busy across the files of a batch: one reader decodes and tiles file after file into a bounded
/// queue of tiles that every scorer takes from, so the next files are read while the current ones score and a
/// short file's one tile never leaves the other scorers idle; each file is stitched as soon as its last tile is
/// back and handed over in input order on the caller's thread. Memory stays bounded: the queue holds at most
/// 2 tiles per scorer and the reader is at most <see cref="FilesAhead"/> files ahead of the caller.
/// </summary>
internal sealed class SegmenterPipeline(Func<SpectrogramTile, WindowScores> score, TimeContext? timeContext, int threads, bool gateEmptyCells, bool audio)
{
    private int FilesAhead => 4 * threads + 4;

    /// <summary>
    /// Runs <paramref name="inputs"/> through; <paramref name="onFile"/> gets each file's result or what failed it,
    /// by index, in order. An input with a <see cref="AudioInput.Problem"/> is not opened and fails with it.
    /// </summary>
    public void Run(
        IReadOnlyList<AudioInput> inputs,
        Action<int, SegmentationResult?, ExceptionDispatchInfo?> onFile,
        Func<int, IProgress<double>?>? progress,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var tiles = new BlockingCollection<(FileRun Run, SpectrogramTile Tile)>(boundedCapacity: 2 * threads);
        using var done = new BlockingCollection<FileRun>();
        using var ahead = new SemaphoreSlim(FilesAhead);
        var workers = Enumerable.Range(0, threads)
            .Select(_ => Start(() => Score(tiles, done, stop.Token), stop))
            .Append(Start(() => Read(inputs, progress, tiles, done, ahead, stop.Token), stop))
            .ToArray();
        try
        {
            Deliver(inputs.Count, done, ahead, onFile, stop.Token);
        }
        finally
        {
            stop.Cancel();
            WaitFor(workers);
        }
    }

    private void Read(
        IReadOnlyList<AudioInput> inputs,
        Func<int, IProgress<double>?>? progress,
        BlockingCollection<(FileRun, SpectrogramTile)> tiles,
        BlockingCollection<FileRun> done,
        SemaphoreSlim ahead,
        CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                ahead.Wait(cancellationToken);
                var run = new FileRun(i, inputs[i], progress?.Invoke(i), timeContext, cancellationToken, audio);
                Tile(run, tiles);
                if (run.Release())
                {
                    done.Add(run, CancellationToken.None);
                }
            }
        }
        finally
        {
            tiles.CompleteAdding();
        }
    }

    private static void Tile(FileRun run, BlockingCollection<(FileRun, SpectrogramTile)> tiles)
    {
        run.Elapsed.Start();
        try
        {
            if (run.Input.Problem is { } problem)
            {
                throw new IOException(problem);
            }

            using var source = AudioDecoder.Open(run.Input.Path);
            var length = source.Length;
            run.Summary = SpectrogramTiler.Run(
                source,
                tile =>
                {
                    run.Hold();
                    try
                    {
                        tiles.Add((run, tile), run.Stopped);
                    }
                    catch
                    {
                        run.Release();
                        throw;
                    }
                },
                run.Preview,
                run.Clock,
                samples => { if (length > 0) run.Progress?.Report(Math.Min(1.0, (double)samples / length.Value)); },
                onSignal: run.Signal is { } spool ? spool.Write : null,
                cancellationToken: run.Stopped);
        }
        catch (Exception error)
        {
            run.Fail(error);
        }
    }

    private void Score(BlockingCollection<(FileRun Run, SpectrogramTile Tile)> tiles, BlockingCollection<FileRun> done, CancellationToken cancellationToken)
    {
        foreach (var (run, tile) in tiles.GetConsumingEnumerable(cancellationToken))
        {
            if (!run.Stopped.IsCancellationRequested)
            {
                try
                {
                    run.Scores!.Add(run.Clock.Time(Stages.Scoring, () => score(tile)));
                }
                catch (Exception error)
                {
                    run.Fail(error);
                }
            }

            if (run.Release())
            {
                done.Add(run, CancellationToken.None);
            }
        }
    }

    /// <summary>Hands the files over in input order as they are done, letting the reader start one more file for each.</summary>
    private void Deliver(
        int count,
        BlockingCollection<FileRun> done,
        SemaphoreSlim ahead,
        Action<int, SegmentationResult?, ExceptionDispatchInfo?> onFile,
        CancellationToken cancellationToken)
    {
        var waiting = new Dictionary<int, FileRun>();
        for (var next = 0; next < count;)
        {
            var run = done.Take(cancellationToken);
            waiting.Add(run.Index, run);
            while (waiting.Remove(next, out var ready))
            {
                using (ready)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Deliver(ready, onFile);
                }

                ahead.Release();
                next++;
            }
        }
    }

    private void Deliver(FileRun run, Action<int, SegmentationResult?, ExceptionDispatchInfo?> onFile)
    {
        if (run.Failure is { } failure)
        {
            onFile(run.Index, null, failure);
            return;
        }

        SegmentationResult result;
        try
        {
            result = run.Finish(gateEmptyCells, threads);
        }
        catch (Exception error)
        {
            onFile(run.Index, null, ExceptionDispatchInfo.Capture(error));
            return;
        }

        onFile(run.Index, result, null);
    }

    /// <summary>A worker that fails outside any one file's work stops the others.</summary>
    private static Task Start(Action work, CancellationTokenSource stop) => Task.Factory.StartNew(
        () =>
        {
            try
            {
                work();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                stop.Cancel();
                throw;
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    /// <summary>Waits for the workers, which end cancelled once the files are handed over; a worker's own failure is rethrown as itself.</summary>
    private static void WaitFor(Task[] workers)
    {
        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException errors)
        {
            if (errors.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
