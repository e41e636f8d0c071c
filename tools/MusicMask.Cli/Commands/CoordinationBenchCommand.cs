using System.CommandLine;
using System.Diagnostics;
using MusicMask.Cli.Benchmarks;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>
/// `musicmask bench-coordination`: the fan-out and fan-in of the distributed pipeline on real storage (Azurite by
/// default) at archive scale, with a stand-in ingest and scorer so that only coordination is measured: one long job
/// and many short ones at once, many concurrent scorers, the real aggregator. Prints messages per second, storage
/// operations per tile, time from a job's last score to its result, and checks that every job stitched once.
/// </summary>
internal static class CoordinationBenchCommand
{
    /// <summary>Ingests running at once, as uploads arriving together are ingested by several instances; each sends its tiles in order.</summary>
    private const int IngestsAtOnce = 4;

    public static Command Create()
    {
        var hours = new Option<double>("--hours") { Description = "length of the long job", DefaultValueFactory = _ => 10 }.Within(0.01, 100);
        var jobs = new Option<int>("--jobs") { Description = "short jobs submitted with it", DefaultValueFactory = _ => 200 }.Within(0, 100_000);
        var jobSeconds = new Option<double>("--job-seconds") { Description = "length of each short job", DefaultValueFactory = _ => 60 }.Within(1, 3600);
        var scorers = new Option<int>("--scorers") { Description = "concurrent scorers", DefaultValueFactory = _ => 32 }.Within(1, 256);
        var aggregators = new Option<int>("--aggregators") { Description = "concurrent aggregators", DefaultValueFactory = _ => 4 }.Within(1, 64);
        var storage = StorageOptions.Storage();
        var command = new Command("bench-coordination", "Measure fan-out and fan-in at archive scale with a stand-in scorer: messages/s, storage operations per tile, last score to result.")
        {
            hours, jobs, jobSeconds, scorers, aggregators, storage,
        };
        command.SetAction((parse, token) => StorageErrors.Guard(() => RunAsync(
            parse.GetValue(storage)!, parse.GetValue(hours), parse.GetValue(jobs), parse.GetValue(jobSeconds), parse.GetValue(scorers), parse.GetValue(aggregators), token)));
        return command;
    }

    private static async Task<int> RunAsync(string connection, double hours, int shortJobs, double jobSeconds, int scorers, int aggregators, CancellationToken token)
    {
        var meter = new StorageMeter();
        var (blobs, queues) = StorageOptions.Open(connection);
        var store = new CoordinationStore(new MeteredBlobStore(blobs, meter));
        IMessageQueue Queue(string name) => new MeteredQueue(queues(name), meter);
        var polling = new QueueWorkerOptions { IdleDelay = TimeSpan.FromMilliseconds(20) };
        var workers = new StageWorkers(store, Queue, polling);
        var run = $"bench-coordination/{DateTime.UtcNow:yyyyMMddTHHmmss}";
        var submissions = new List<(string Name, double Seconds)> { ($"{run}/long.wav", hours * 3600) };
        submissions.AddRange(Enumerable.Range(0, shortJobs).Select(i => ($"{run}/short-{i:D5}.wav", jobSeconds)));
        Console.WriteLine($"one {hours} h job and {shortJobs} jobs of {jobSeconds} s, {IngestsAtOnce} ingests at once; {scorers} scorers, {aggregators} aggregators; stand-in ingest and scorer");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var clock = Stopwatch.StartNew();
        var running = new[]
        {
            workers.Score(new StandInScorer(), new QueueWorkerOptions { IdleDelay = polling.IdleDelay, Concurrency = scorers }).RunAsync(stop.Token),
            workers.Aggregate().RunAsync(stop.Token),
        }.Concat(Enumerable.Range(1, aggregators - 1).Select(_ => workers.Aggregate().RunAsync(stop.Token))).ToList();
        var jobNames = submissions.ToDictionary(s => StandInIngest.JobIdOf(s.Name), s => s.Name);
        await Parallel.ForEachAsync(
            submissions,
            new ParallelOptions { MaxDegreeOfParallelism = IngestsAtOnce, CancellationToken = token },
            async (submission, cancel) => await StandInIngest.SubmitAsync(store, Queue(QueueNames.Tiles), Queue(QueueNames.Aggregation), submission.Name, submission.Seconds, cancel).ConfigureAwait(false)).ConfigureAwait(false);

        var submitted = clock.Elapsed;
        while (store.Published < submissions.Count && !token.IsCancellationRequested)
        {
            await Task.Delay(200, token).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
        await ReportAsync(blobs, queues, meter, store, jobNames, submitted, elapsed, token).ConfigureAwait(false);
        return 0;
    }

    private static async Task ReportAsync(
        IBlobStore blobs, Func<string, IMessageQueue> queues, StorageMeter meter, CoordinationStore store, Dictionary<string, string> jobNames, TimeSpan submitted, TimeSpan elapsed, CancellationToken token)
    {
        var tiles = store.SyntheticTileReads;
        var rows = meter.Snapshot();
        Console.WriteLine($"{"category",-16} {"operation",-11} {"operations",11} {"per tile",9}");
        foreach (var (category, operation, operations, _, _) in rows)
        {
            Console.WriteLine($"{category,-16} {operation,-11} {operations,11} {(double)operations / tiles,9:F2}");
        }

        var blobOps = rows.Where(r => !IsQueue(r.Category)).Sum(r => r.Operations);
        var messageOps = rows.Where(r => IsQueue(r.Category) && r.Operation is "send" or "complete" or "release" or "extend" or "dead-letter").Sum(r => r.Operations);
        var sent = rows.Where(r => IsQueue(r.Category) && r.Operation == "send").Sum(r => r.Operations);
        var latencies = store.ResultLatencies(jobNames).Values.Order().ToArray();
        var (stitched, doubled, missing) = await CountStitchesAsync(blobs, jobNames.Keys, token).ConfigureAwait(false);
        var poisoned = 0;
        foreach (var queue in new[] { QueueNames.Tiles, QueueNames.Aggregation })
        {
            poisoned += await queues(QueueNames.Poison(queue)).ApproximateCountAsync(token).ConfigureAwait(false);
        }

        Console.WriteLine($"tiles scored: {tiles} (tile reads are synthetic: not counted as storage operations)");
        Console.WriteLine($"wall time {elapsed.TotalSeconds:F1} s (submission done at {submitted.TotalSeconds:F1} s); messages sent {sent}, {sent / elapsed.TotalSeconds:F0} per second");
        Console.WriteLine($"per tile: {(double)blobOps / tiles:F2} blob operations, {(double)messageOps / tiles:F2} message operations (send, complete, release; receive polls aside)");
        Console.WriteLine($"last score to result: p50 {Percentile(latencies, 0.50):F2} s, p99 {Percentile(latencies, 0.99):F2} s, max {latencies.LastOrDefault():F2} s (long job {store.ResultLatencies(jobNames).GetValueOrDefault(jobNames.Values.First()):F2} s)");
        var longManifest = await blobs.ReadAsync(BlobNames.Result(jobNames.Values.First(), Outputs.ResultFiles.Manifest), token).ConfigureAwait(false);
        if (longManifest is not null)
        {
            using var manifest = System.Text.Json.JsonDocument.Parse(longManifest.Content);
            var stages = manifest.RootElement.GetProperty("stage_seconds").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetDouble():F2} s");
            Console.WriteLine($"long job's stages: {string.Join(", ", stages)}");
        }

        Console.WriteLine($"jobs: {jobNames.Count}, stitched once {stitched}, stitched more than once {doubled}, without result {missing}, poisoned messages {poisoned}");
    }

    private static async Task<(int Once, int More, int None)> CountStitchesAsync(IBlobStore blobs, IEnumerable<string> jobIds, CancellationToken token)
    {
        var (once, more, none) = (0, 0, 0);
        foreach (var jobId in jobIds)
        {
            var count = 0;
            await foreach (var unused in blobs.ListAsync(BlobNames.StitchLog(jobId), token).ConfigureAwait(false))
            {
                count++;
            }

            (once, more, none) = count switch { 1 => (once + 1, more, none), 0 => (once, more, none + 1), _ => (once, more + 1, none) };
        }

        return (once, more, none);
    }

    private static bool IsQueue(string category) => category is QueueNames.Ingest or QueueNames.Tiles or QueueNames.Aggregation;

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
