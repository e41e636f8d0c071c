using System.CommandLine;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>
/// `musicmask bench-pipeline`: the distributed pipeline against real storage (Azurite by default). Prints storage
/// transactions and bytes per audio hour, then throughput and queue drain time with 1, 2 and 4 scoring processes.
/// </summary>
internal static class PipelineBenchCommand
{
    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "length of the benchmark audio", DefaultValueFactory = _ => 30 }.Within(0.1, 600);
        var workers = new Option<int[]>("--workers") { Description = "scoring process counts to time", DefaultValueFactory = _ => [1, 2, 4], AllowMultipleArgumentsPerToken = true }.EachWithin(1, 64);
        var storage = StorageOptions.Storage();
        var model = CommonOptions.Model();
        var command = new Command("bench-pipeline", "Measure the distributed pipeline on real storage: transactions and bytes per audio hour, and scale-out over scoring processes.")
        {
            minutes, workers, storage, model,
        };
        command.SetAction((parse, token) => StorageErrors.Guard(() => RunAsync(parse.GetValue(storage)!, parse.GetValue(model)!.FullName, parse.GetValue(minutes), parse.GetValue(workers)!, token)));
        return command;
    }

    private static async Task<int> RunAsync(string connection, string modelPath, double minutes, int[] workerCounts, CancellationToken token)
    {
        var audio = Path.Combine(Path.GetTempPath(), $"musicmask-pipeline-bench-{minutes}min.wav");
        var samples = (int)(minutes * 60 * 44_100);
        WavWriter.Write(audio, SignalGenerator.Mix(SignalGenerator.Melody(samples, 44_100, 1), SignalGenerator.WhiteNoise(samples, 2), 3), 44_100);
        var hours = minutes / 60;
        var run = $"{DateTime.UtcNow:HHmmss}";
        Console.WriteLine($"input: {minutes} min of 44.1 kHz mono audio; storage: {connection.Split(';').FirstOrDefault(p => p.StartsWith("BlobEndpoint", StringComparison.Ordinal)) ?? connection}");

        using var scorer = new StripScorer(modelPath);
        await MeterAsync(connection, scorer, audio, $"bench/{run}/metered.wav", hours, token).ConfigureAwait(false);
        foreach (var count in workerCounts)
        {
            await ScaleAsync(connection, modelPath, audio, $"bench/{run}/workers-{count}.wav", minutes * 60, count, token).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task MeterAsync(string connection, StripScorer scorer, string audio, string name, double hours, CancellationToken token)
    {
        var meter = new StorageMeter();
        var (blobs, queues) = StorageOptions.Open(connection);
        var store = new MeteredBlobStore(blobs, meter);
        var workers = new StageWorkers(store, q => new MeteredQueue(queues(q), meter), new QueueWorkerOptions { IdleDelay = TimeSpan.FromMilliseconds(100) });
        var jobId = JobIds.For(BlobNames.AudioContainer, name, (await store.UploadFileAsync(BlobNames.Audio(name), audio, token).ConfigureAwait(false)).ETag);
        await queues(QueueNames.Ingest).SendAsync(MessageCodec.Encode(IngestRequest.For(BlobNames.AudioContainer, name)), token).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var running = new[] { workers.Ingest().RunAsync(stop.Token), workers.Score(scorer, new QueueWorkerOptions { Concurrency = 2 }).RunAsync(stop.Token), workers.Aggregate().RunAsync(stop.Token) };
        await WaitForJobAsync(blobs, jobId, token).ConfigureAwait(false);
        await WaitForIntermediatesDeletedAsync(blobs, jobId, token).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine("storage per audio hour (one job, every stage in this process; polling of empty queues included):");
        Console.WriteLine($"{"category",-16} {"operation",-11} {"ops/hour",10} {"MB written/h",13} {"MB read/h",10}");
        var rows = meter.Snapshot();
        foreach (var (category, operation, operations, written, read) in rows)
        {
            Console.WriteLine($"{category,-16} {operation,-11} {operations / hours,10:F0} {written / 1e6 / hours,13:F1} {read / 1e6 / hours,10:F1}");
        }

        Console.WriteLine($"{"total",-28} {rows.Sum(r => r.Operations) / hours,10:F0} {rows.Sum(r => r.BytesWritten) / 1e6 / hours,13:F1} {rows.Sum(r => r.BytesRead) / 1e6 / hours,10:F1}");
    }

    private static async Task ScaleAsync(string connection, string modelPath, string audio, string name, double audioSeconds, int count, CancellationToken token)
    {
        var (blobs, queues) = StorageOptions.Open(connection);
        var workers = new StageWorkers(blobs, queues, new QueueWorkerOptions { IdleDelay = TimeSpan.FromMilliseconds(100) });
        var jobId = JobIds.For(BlobNames.AudioContainer, name, (await blobs.UploadFileAsync(BlobNames.Audio(name), audio, token).ConfigureAwait(false)).ETag);
        await queues(QueueNames.Ingest).SendAsync(MessageCodec.Encode(IngestRequest.For(BlobNames.AudioContainer, name)), token).ConfigureAwait(false);
        var ingest = Stopwatch.StartNew();
        await workers.Ingest().ProcessOneAsync(token).ConfigureAwait(false);
        var ingestSeconds = ingest.Elapsed.TotalSeconds;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var aggregator = workers.Aggregate().RunAsync(stop.Token);
        var processes = Enumerable.Range(0, count).Select(_ => WorkerProcess.Start(connection, modelPath, "score", threads: 1)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            TimeSpan? firstScored = null;
            var tiles = 0;
            while (true)
            {
                var job = (await JobStatusReport.ReadAsync(blobs, jobId, token).ConfigureAwait(false))!;
                tiles = job.Tiles;
                firstScored ??= job.Scored > 0 ? clock.Elapsed : null;
                if (job.Status is JobStatus.Complete or JobStatus.Failed)
                {
                    break;
                }

                await Task.Delay(50, token).ConfigureAwait(false);
            }

            var drained = clock.Elapsed;
            await WaitForIntermediatesDeletedAsync(blobs, jobId, token).ConfigureAwait(false);
            var steady = (drained - firstScored!.Value).TotalSeconds;
            Console.WriteLine(
                $"{count} scoring process(es): {tiles} tiles drained {drained.TotalSeconds:F1} s after the processes started (first score at {firstScored.Value.TotalSeconds:F1} s); " +
                $"steady scoring {audioSeconds * (tiles - 1) / tiles / steady:F0}x real time; ingest alone before: {ingestSeconds:F1} s ({audioSeconds / ingestSeconds:F0}x)");
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await aggregator.ConfigureAwait(false);
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    /// <summary>
    /// A job turns Complete before the delivery that stitched it has deleted its tiles and scores; stopping the
    /// aggregator then would leave that work to the next run and out of this one's figures.
    /// </summary>
    private static async Task WaitForIntermediatesDeletedAsync(IBlobStore blobs, string jobId, CancellationToken token)
    {
        var deadline = Stopwatch.StartNew();
        while (await blobs.GetInfoAsync(BlobNames.Preview(jobId), token).ConfigureAwait(false) is not null ||
               await blobs.ListAsync(BlobNames.TilesPrefix(jobId), token).AnyAsync(token).ConfigureAwait(false) ||
               await blobs.ListAsync(BlobNames.ScoresPrefix(jobId), token).AnyAsync(token).ConfigureAwait(false))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"job {jobId} is complete but its tiles and scores were not deleted within 2 minutes");
            }

            await Task.Delay(50, token).ConfigureAwait(false);
        }
    }

    private static async Task WaitForJobAsync(IBlobStore blobs, string jobId, CancellationToken token)
    {
        var jobs = new JobStore(blobs);
        var deadline = Stopwatch.StartNew();
        while ((await jobs.ReadJobAsync(jobId, token).ConfigureAwait(false))?.Status is not (JobStatus.Complete or JobStatus.Failed))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"job {jobId} did not finish in 20 minutes; `musicmask status` shows where it stands");
            }

            await Task.Delay(50, token).ConfigureAwait(false);
        }
    }
}
