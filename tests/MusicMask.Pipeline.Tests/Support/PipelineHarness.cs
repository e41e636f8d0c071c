using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Scoring;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A pipeline on its own Azurite: real blob containers and queues, with the stage workers run in this process.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public static readonly QueueWorkerOptions FastPolling = new() { VisibilityTimeout = TimeSpan.FromSeconds(3), IdleDelay = TimeSpan.FromMilliseconds(50) };

    public static readonly DeliveryOptions FastRetries = new() { RetryDelay = TimeSpan.FromMilliseconds(200), MaxFailures = 4 };

    private readonly Dictionary<string, IMessageQueue> _queues = [];

    private PipelineHarness(Azurite azurite, Func<IMessageQueue, IMessageQueue>? wrapQueue)
    {
        Azurite = azurite;
        Connection = StorageConnection.Create(azurite.ConnectionString);
        Blobs = Connection.CreateBlobStore();
        WrapQueue = wrapQueue ?? (q => q);
        Workers = new StageWorkers(Blobs, Queue, FastPolling, FastRetries);
    }

    public Azurite Azurite { get; }

    public StorageConnection Connection { get; }

    public AzureBlobStore Blobs { get; }

    public StageWorkers Workers { get; }

    public StripScorer Scorer { get; } = new(TestModels.RandomContextModel());

    private Func<IMessageQueue, IMessageQueue> WrapQueue { get; }

    public static async Task<PipelineHarness> StartAsync(string? location = null, Func<IMessageQueue, IMessageQueue>? wrapQueue = null) =>
        new(await Azurite.StartAsync(location), wrapQueue);

    public IMessageQueue Queue(string name)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(name, out var queue))
            {
                _queues[name] = queue = WrapQueue(new StorageMessageQueue(Connection.Queues, name));
            }

            return queue;
        }
    }

    /// <summary>The queue without any test wrapper (to inspect or inject messages).</summary>
    public IMessageQueue RawQueue(string name) => new StorageMessageQueue(Connection.Queues, name);

    public async Task<string> UploadAsync(string name, string path)
    {
        var info = await Blobs.UploadFileAsync(BlobNames.Audio(name), path);
        return JobIds.For(BlobNames.AudioContainer, name, info.ETag);
    }

    /// <summary>Writes a melody-in-noise WAV, uploads it, lets the watcher see it and, if asked, ingests it.</summary>
    public async Task<(string Path, string JobId)> SubmitAsync(string folder, string name, double seconds, bool ingest = false)
    {
        var path = TestAudio.Write(folder, name, seconds);
        var job = await UploadAsync(name, path);
        await ScanAsync();
        if (ingest)
        {
            Assert.True(await Workers.Ingest().ProcessOneAsync());
        }

        return (path, job);
    }

    /// <summary>The job stitched exactly once, into results equal to the embedded CLI's for the same file.</summary>
    public async Task AssertStitchedOnceLikeTheEmbeddedCliAsync(string path, string name, string jobId)
    {
        AssertSameResults(EmbeddedResults(path, name), await ResultsAsync(name));
        Assert.Equal(1, await StitchCountAsync(jobId));
    }

    public static void AssertSameResults(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Contains(ResultFiles.Manifest, actual.Keys);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Where(k => k != ResultFiles.Manifest).Order());
        foreach (var (file, content) in expected)
        {
            Assert.True(content.AsSpan().SequenceEqual(actual[file]), $"{file} differs from the embedded result");
        }
    }

    public Task<int> ScanAsync() => new AudioWatcher(Blobs, Queue(QueueNames.Ingest)).ScanAsync();

    /// <summary>Runs every stage (scoring with <paramref name="scorers"/> loops) until every job is complete or failed.</summary>
    public async Task RunUntilFinishedAsync(int scorers = 2, TimeSpan? timeout = null, bool audio = false)
    {
        using var stop = new CancellationTokenSource();
        var scoreOptions = new QueueWorkerOptions { VisibilityTimeout = FastPolling.VisibilityTimeout, IdleDelay = FastPolling.IdleDelay, Concurrency = scorers };
        var running = new[]
        {
            Workers.Ingest().RunAsync(stop.Token),
            Workers.Score(Scorer, scoreOptions).RunAsync(stop.Token),
            Workers.Aggregate(new AggregatorOptions { ClaimTimeout = TimeSpan.FromSeconds(5), Audio = audio }).RunAsync(stop.Token),
        };
        try
        {
            await WaitUntilFinishedAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }
    }

    public async Task WaitUntilFinishedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var uploads = new List<BlobInfo>();
            await foreach (var blob in Blobs.ListAsync($"{BlobNames.AudioContainer}/"))
            {
                uploads.Add(blob);
            }

            // Every listable upload must have its own job: a rejected message can make a failed job that no upload has.
            var jobs = await JobStatusReport.ReadAsync(Blobs);
            var named = uploads.Where(u => u.Problem is null).Select(u => u.Name[(BlobNames.AudioContainer.Length + 1)..]);
            // A job turns Complete before its aggregator's delivery ends (it then deletes the job's intermediates).
            var aggregations = await RawQueue(QueueNames.Aggregation).ApproximateCountAsync();
            if (jobs.Count >= uploads.Count && named.All(name => jobs.Any(j => j.Name == name)) &&
                jobs.All(j => j.Status is JobStatus.Complete or JobStatus.Failed) && aggregations == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"jobs not finished, {aggregations} aggregation messages queued: " + string.Join("; ", jobs.Select(j => $"{j.Name} {j.Status} {j.Scored}/{j.Tiles}")));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>results/{name}/ as file name -> bytes.</summary>
    public async Task<Dictionary<string, byte[]>> ResultsAsync(string name)
    {
        var prefix = BlobNames.ResultPrefix(name);
        var files = new Dictionary<string, byte[]>();
        await foreach (var blob in Blobs.ListAsync(prefix))
        {
            files[blob.Name[prefix.Length..]] = (await Blobs.ReadAsync(blob.Name))!.Content;
        }

        return files;
    }

    public async Task<int> StitchCountAsync(string jobId)
    {
        var count = 0;
        await foreach (var unused in Blobs.ListAsync(BlobNames.StitchLog(jobId)))
        {
            count++;
        }

        return count;
    }

    /// <summary>What `segment` (with <paramref name="audio"/>: `segment --audio`) writes for the file, manifest aside.</summary>
    public Dictionary<string, byte[]> EmbeddedResults(string path, string name, bool audio = false)
    {
        var segmenter = new Segmenter(Scorer, new SegmenterOptions { Threads = 2, Audio = audio });
        var result = segmenter.Run(path) with { Source = new SourceInfo(name, null, null, 0, "", 0, 0) };
        var folder = Directory.CreateTempSubdirectory("musicmask-embedded-audio-");
        try
        {
            var files = result.RenderFiles(segmenter.Model, audio ? file => File.Create(Path.Combine(folder.FullName, file)) : null)
                .Where(f => f.Name != ResultFiles.Manifest).ToDictionary(f => f.Name, f => f.Content);
            foreach (var file in folder.GetFiles())
            {
                files[file.Name] = File.ReadAllBytes(file.FullName);
            }

            return files;
        }
        finally
        {
            result.Audio?.Dispose();
            folder.Delete(recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Scorer.Dispose();
        await Azurite.DisposeAsync();
    }
}
