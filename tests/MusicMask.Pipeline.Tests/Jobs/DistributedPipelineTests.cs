using System.Text.Json;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Jobs;

/// <summary>The whole distributed flow on a real Azurite: the same results as the embedded CLI whatever the delivery does.</summary>
public sealed class DistributedPipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SeveralFilesEndToEndEqualTheEmbeddedResults()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var files = new[]
        {
            ("long.wav", TestAudio.Write(_temp.Path, "long.wav", 40, rate: 48_000, seed: 1)),
            ("archive/2026/a.wav", TestAudio.Write(_temp.Path, "a.wav", 7, seed: 2)),
            ("archive_2026_a.wav", TestAudio.Write(_temp.Path, "b.wav", 0.5, seed: 3)),
        };
        var jobs = new List<string>();
        foreach (var (name, path) in files)
        {
            jobs.Add(await pipeline.UploadAsync(name, path));
        }

        Assert.Equal(3, await pipeline.ScanAsync());
        Assert.Equal(0, await pipeline.ScanAsync());
        await pipeline.RunUntilFinishedAsync();

        foreach (var ((name, path), job) in files.Zip(jobs))
        {
            var results = await pipeline.ResultsAsync(name);
            PipelineHarness.AssertSameResults(pipeline.EmbeddedResults(path, name), results);
            using var manifest = JsonDocument.Parse(results[ResultFiles.Manifest]);
            Assert.Equal(name, manifest.RootElement.GetProperty("source").GetProperty("name").GetString());
            Assert.Equal(BlobNames.AudioContainer, manifest.RootElement.GetProperty("source").GetProperty("container").GetString());
            Assert.Equal(1, await pipeline.StitchCountAsync(job));
        }
    }

    [Fact]
    public async Task WithAudioTheAggregatorWritesTheSameMusicAndRemainderAsSegmentAudio()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var path = TestAudio.Write(_temp.Path, "bed.wav", 30, rate: 48_000, seed: 6);
        var job = await pipeline.UploadAsync("beds/bed.wav", path);
        await pipeline.ScanAsync();
        var temporaryBefore = Directory.GetDirectories(Path.GetTempPath(), "musicmask-audio-*");

        await pipeline.RunUntilFinishedAsync(audio: true);

        var results = await pipeline.ResultsAsync("beds/bed.wav");
        PipelineHarness.AssertSameResults(pipeline.EmbeddedResults(path, "beds/bed.wav", audio: true), results);
        Assert.Equal(1, await pipeline.StitchCountAsync(job));
        using var manifest = JsonDocument.Parse(results[ResultFiles.Manifest]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Contains(ResultFiles.Music, listed);
        Assert.Contains(ResultFiles.Remainder, listed);
        Assert.True(manifest.RootElement.GetProperty("stage_seconds").GetProperty(Embedded.Stages.Separate).GetDouble() > 0);
        Assert.Equal(temporaryBefore.Order(), Directory.GetDirectories(Path.GetTempPath(), "musicmask-audio-*").Order());
    }

    [Fact]
    public async Task EveryMessageDeliveredTwiceStillStitchesOnceWithTheSameResult()
    {
        await using var pipeline = await PipelineHarness.StartAsync(wrapQueue: queue => new DuplicatingQueue(queue));
        var (path, job) = await pipeline.SubmitAsync(_temp.Path, "twice.wav", 30);

        await pipeline.RunUntilFinishedAsync();

        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "twice.wav", job);
    }

    [Fact]
    public async Task ACompletedJobKeepsOnlyItsRecordAndATileCopyDeliveredLateHasNothingToDo()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, done) = await pipeline.SubmitAsync(_temp.Path, "done.wav", 30);
        await pipeline.RunUntilFinishedAsync();
        var (_, pending) = await pipeline.SubmitAsync(_temp.Path, "pending.wav", 5, ingest: true);
        var scorer = new ScoreHandler(pipeline.Blobs, pipeline.Scorer);

        var left = new List<string>();
        await foreach (var blob in pipeline.Blobs.ListAsync($"{BlobNames.WorkContainer}/{done}/"))
        {
            left.Add(blob.Name[$"{BlobNames.WorkContainer}/{done}/".Length..]);
        }

        Assert.Contains("job.json", left);
        Assert.DoesNotContain(left, name => name.StartsWith("tiles/", StringComparison.Ordinal) || name.StartsWith("scores/", StringComparison.Ordinal) || name == "preview.bin");
        Assert.Equal(MessageOutcome.Done, await scorer.HandleAsync(await FirstTileMessageAsync(pipeline, done)));
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "done.wav", done);

        // Scores written by a copy that read its tile just before the deletion go with the next aggregation delivery.
        await pipeline.Blobs.WriteAsync(BlobNames.Scores(done, 0), new byte[8]);
        var job = await new JobStore(pipeline.Blobs).ReadJobAsync(done);
        Assert.Equal(MessageOutcome.Done, await new AggregateHandler(pipeline.Blobs).HandleAsync(MessageCodec.Encode(IngestCompleted.For(done, job!.Tiles))));
        Assert.Null(await pipeline.Blobs.GetInfoAsync(BlobNames.Scores(done, 0)));

        await pipeline.Blobs.DeleteAsync(BlobNames.Tile(pending, 0));
        Assert.Equal(OutcomeKind.Rejected, (await scorer.HandleAsync(await FirstTileMessageAsync(pipeline, pending))).Kind);
    }

    private static async Task<string> FirstTileMessageAsync(PipelineHarness pipeline, string jobId)
    {
        var job = await new JobStore(pipeline.Blobs).ReadJobAsync(jobId);
        return MessageCodec.Encode(ScoreTile.For(jobId, job!.Grid().Tile(0), BlobNames.Tile(jobId, 0)));
    }

    [Fact]
    public async Task MessagesHandledInReverseOrderGiveTheSameResult()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, job) = await pipeline.SubmitAsync(_temp.Path, "reverse.wav", 60, ingest: true);

        var tiles = await HandleAllInReverseAsync(pipeline.Workers.Score(pipeline.Scorer));
        Assert.True(tiles > 3);
        Assert.Equal(1, await HandleAllInReverseAsync(pipeline.Workers.Aggregate()));

        await pipeline.WaitUntilFinishedAsync(TimeSpan.FromSeconds(10));
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "reverse.wav", job);
    }

    [Fact]
    public async Task TwentyConcurrentScorersAndFourAggregatorsStitchExactlyOnce()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, job) = await pipeline.SubmitAsync(_temp.Path, "crowd.wav", 150, ingest: true);

        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 20).Select(_ => pipeline.Workers.Score(pipeline.Scorer).RunAsync(stop.Token))
            .Concat(Enumerable.Range(0, 4).Select(_ => pipeline.Workers.Aggregate(new AggregatorOptions { ClaimTimeout = TimeSpan.FromSeconds(30) }).RunAsync(stop.Token)))
            .ToArray();
        try
        {
            await pipeline.WaitUntilFinishedAsync(TimeSpan.FromMinutes(3));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "crowd.wav", job);
    }

    [Fact]
    public async Task MalformedMessagesAndCorruptAudioEndAsClearErrorsWhileOtherJobsComplete()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var good = TestAudio.Write(_temp.Path, "good.wav", 10);
        await pipeline.UploadAsync("good.wav", good);
        await File.WriteAllTextAsync(_temp.File("corrupt.wav"), "this is a text file, not audio");
        await pipeline.UploadAsync("corrupt.wav", _temp.File("corrupt.wav"));
        await pipeline.RawQueue(QueueNames.Tiles).SendAsync(
            "{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"0123456789abcdef\",\"tile\":-4,\"tile_blob\":\"work/x\",\"first_window\":0,\"windows\":128}");
        await pipeline.RawQueue(QueueNames.Aggregation).SendAsync("not json at all");
        await pipeline.RawQueue(QueueNames.Ingest).SendAsync("{\"schema\":\"musicmask.ingest-request.v1\",\"container\":\"audio\",\"name\":\"../../etc/passwd\",\"e_tag\":null}");
        await pipeline.ScanAsync();

        await pipeline.RunUntilFinishedAsync();

        Assert.Contains(ResultFiles.Manifest, (await pipeline.ResultsAsync("good.wav")).Keys);
        var failed = await pipeline.ResultsAsync("corrupt.wav");
        Assert.Equal([ResultFiles.Error], failed.Keys);
        using var error = JsonDocument.Parse(failed[ResultFiles.Error]);
        Assert.Equal("ingest", error.RootElement.GetProperty("stage").GetString());
        Assert.Contains("plain text", error.RootElement.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);

        var poisoned = new Dictionary<string, DeadLetter>();
        foreach (var queue in new[] { QueueNames.Tiles, QueueNames.Aggregation, QueueNames.Ingest })
        {
            var letters = await ReceiveAllAsync(pipeline.RawQueue(QueueNames.Poison(queue)));
            poisoned[queue] = Assert.Single(letters.Select(m => JsonSerializer.Deserialize<DeadLetter>(m.Body, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!));
        }

        Assert.Contains("tile index -4", poisoned[QueueNames.Tiles].Reason, StringComparison.Ordinal);
        Assert.Contains("not JSON", poisoned[QueueNames.Aggregation].Reason, StringComparison.Ordinal);
        Assert.Contains("safe name", poisoned[QueueNames.Ingest].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIngestPoisonedPastItsRetriesAndAnUnreadableBlobNameEndAsErrorsWhileOtherJobsComplete()
    {
        var good = TestAudio.Write(_temp.Path, "good.wav", 10);
        var doomed = TestAudio.Write(_temp.Path, "doomed.wav", 10, seed: 2);
        string? doomedJob = null;
        await using var pipeline = await PipelineHarness.StartAsync(wrapQueue: queue =>
            queue.Name == QueueNames.Tiles ? new FailingSendQueue(queue, () => doomedJob) : queue);
        await pipeline.UploadAsync("good.wav", good);
        doomedJob = await pipeline.UploadAsync("doomed.wav", doomed);
        var unreadable = "bad\u0001name.wav";
        await pipeline.Connection.Blobs.GetBlobContainerClient(BlobNames.AudioContainer).GetBlobClient(unreadable).UploadAsync(new BinaryData(await File.ReadAllBytesAsync(good)));
        await pipeline.ScanAsync();

        await pipeline.RunUntilFinishedAsync();

        Assert.Contains(ResultFiles.Manifest, (await pipeline.ResultsAsync("good.wav")).Keys);
        var jobs = await JobStatusReport.ReadAsync(pipeline.Blobs);
        Assert.Equal(JobStatus.Failed, Assert.Single(jobs, j => j.JobId == doomedJob).Status);
        var failed = await pipeline.ResultsAsync("doomed.wav");
        Assert.Equal([ResultFiles.Error], failed.Keys);
        using (var error = JsonDocument.Parse(failed[ResultFiles.Error]))
        {
            Assert.Equal("ingest", error.RootElement.GetProperty("stage").GetString());
            Assert.Contains("injected failure", error.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        var rejected = Assert.Single(jobs, j => j.Status == JobStatus.Failed && j.JobId != doomedJob);
        Assert.True(rejected.Error!.Contains("control character", StringComparison.Ordinal), rejected.Error);
    }

    [Fact]
    public async Task AzuriteRestartedMidJobWithDiskPersistenceLosesNothing()
    {
        await using var pipeline = await PipelineHarness.StartAsync(location: _temp.File("azurite-data"));
        var (path, job) = await pipeline.SubmitAsync(_temp.Path, "restart.wav", 60, ingest: true);
        var scorer = pipeline.Workers.Score(pipeline.Scorer);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await scorer.ProcessOneAsync());
        }

        await pipeline.Azurite.RestartAsync();

        await pipeline.RunUntilFinishedAsync();
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "restart.wav", job);
    }

    private static async Task<int> HandleAllInReverseAsync(QueueWorker worker)
    {
        var messages = await ReceiveAllAsync(worker.Queue);
        foreach (var message in Enumerable.Reverse(messages))
        {
            await worker.HandleAsync(message);
        }

        return messages.Count;
    }

    internal static async Task<List<QueueMessage>> ReceiveAllAsync(IMessageQueue queue)
    {
        var all = new List<QueueMessage>();
        while (true)
        {
            var batch = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }
}
