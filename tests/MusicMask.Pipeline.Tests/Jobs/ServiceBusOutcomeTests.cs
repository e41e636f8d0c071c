using System.Text.Json;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Jobs;

/// <summary>
/// Every outcome on the Service Bus path, through the same stage handlers the local path runs, on an in-process bus
/// with Service Bus semantics and real Azurite blobs: the rules are the core's, carried out as scheduled copies,
/// completions and dead letters.
/// </summary>
public sealed class ServiceBusOutcomeTests : IAsyncLifetime, IDisposable
{
    private static readonly DeliveryOptions Delivery = new() { MaxFailures = 4, RetryDelay = TimeSpan.FromSeconds(2) };
    private readonly TempDirectory _temp = new();
    private readonly InProcessServiceBus _bus = new(maxDeliveryCount: 10);
    private PipelineHarness _pipeline = null!;
    private BrokerStages _stages = null!;

    public async Task InitializeAsync()
    {
        _pipeline = await PipelineHarness.StartAsync();
        _stages = Stages(_pipeline.Blobs);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DoneAJobSubmittedByItsBlobEventEndsLikeTheEmbeddedCliWithNothingDeadLettered()
    {
        var (path, jobId) = await UploadAsync("song.wav", 20);

        Assert.True(await _stages.SubmitAsync("song.wav"));
        Assert.True(await _stages.SubmitAsync("song.wav"));
        await RunAllAsync();

        Assert.Equal(1, _bus.Queue(QueueNames.Ingest).DuplicatesDropped);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "song.wav", jobId);
        Assert.Empty(await DeadLettersAsync());
    }

    [Fact]
    public async Task RetryLaterSchedulesACopyWithItsWaitAndCompletesTheOriginalWithoutSpendingAFailure()
    {
        var (path, jobId) = await UploadAsync("claimed.wav", 10);
        await _stages.SubmitAsync("claimed.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);

        Assert.Equal(1, await DrainAsync(QueueNames.Aggregation, _stages.Aggregate));
        var early = Assert.Single(_bus.Queue(QueueNames.Aggregation).Waiting);
        Assert.EndsWith("~retry-1", early.MessageId, StringComparison.Ordinal);
        Assert.True(early.VisibleAt > _bus.Clock.GetUtcNow());

        await DrainAsync(QueueNames.Tiles, _stages.Score);
        var claim = JsonSerializer.SerializeToUtf8Bytes(new { host = "elsewhere", process = 1, time = DateTimeOffset.UtcNow });
        Assert.True(await _pipeline.Blobs.TryCreateAsync(BlobNames.StitchClaim(jobId), claim));
        await AdvanceToAndDrainAggregationAsync(early.VisibleAt);

        var claimed = Assert.Single(_bus.Queue(QueueNames.Aggregation).Waiting);
        Assert.EndsWith("~retry-2", claimed.MessageId, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Tiled, (await new JobStore(_pipeline.Blobs).ReadJobAsync(jobId))!.Status);

        await _pipeline.Blobs.DeleteAsync(BlobNames.StitchClaim(jobId));
        await AdvanceToAndDrainAggregationAsync(claimed.VisibleAt);

        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "claimed.wav", jobId);
        Assert.Empty(_bus.Queue(QueueNames.Aggregation).Waiting);
        Assert.Empty(await DeadLettersAsync());
    }

    [Fact]
    public async Task RejectedGoesStraightToTheDeadLettersWithItsReasonAndIsNotRetried()
    {
        await _bus.Queue(QueueNames.Tiles).SendWithIdAsync("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"../../etc\"}", "broken");

        Assert.Equal(1, await DrainAsync(QueueNames.Tiles, _stages.Score));

        Assert.Empty(_bus.Queue(QueueNames.Tiles).Waiting);
        var letter = Assert.Single(await DeadLettersAsync());
        Assert.StartsWith("rejected: ", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(QueueNames.Tiles, letter.Queue);
    }

    [Fact]
    public async Task AttemptsExhaustedAfterBackedOffCopiesEndTheJobWithItsErrorRecord()
    {
        var failing = new FailingReadStore(_pipeline.Blobs, "/tiles/000000");
        var stages = Stages(failing);
        var (_, jobId) = await UploadAsync("faulty.wav", 5);
        await stages.SubmitAsync("faulty.wav");
        await DrainAsync(QueueNames.Ingest, stages.Ingest);

        var delays = new List<TimeSpan>();
        for (var delivery = 0; delivery < Delivery.MaxFailures; delivery++)
        {
            if (delivery > 0)
            {
                var next = Assert.Single(_bus.Queue(QueueNames.Tiles).Waiting);
                delays.Add(next.VisibleAt - _bus.Clock.GetUtcNow());
                _bus.Clock.Advance(next.VisibleAt - _bus.Clock.GetUtcNow());
            }

            Assert.True(await _bus.Queue(QueueNames.Tiles).DeliverAsync(Trigger(stages.Score)));
        }

        Assert.Equal(new[] { 2.0, 4.0, 8.0 }, delays.Select(d => d.TotalSeconds));
        Assert.Empty(_bus.Queue(QueueNames.Tiles).Waiting);
        Assert.Empty(_bus.Queue(QueueNames.Tiles).BrokerDeadLetters);
        var letter = Assert.Single(await DeadLettersAsync());
        Assert.StartsWith($"failed {Delivery.MaxFailures} times", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Failed, (await new JobStore(_pipeline.Blobs).ReadJobAsync(jobId))!.Status);
        Assert.Equal([ResultFiles.Error], (await _pipeline.ResultsAsync("faulty.wav")).Keys);
    }

    [Fact]
    public async Task DuplicateDeliveryIsDroppedByItsIdAndAResendUnderAnotherIdStillStitchesOnce()
    {
        var (path, jobId) = await UploadAsync("twice.wav", 10);
        await _stages.SubmitAsync("twice.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        var tiles = _bus.Queue(QueueNames.Tiles).Waiting.Select(w => w.Body).ToArray();
        foreach (var body in tiles)
        {
            await _bus.Queue(QueueNames.Tiles).SendAsync(body);
            await _bus.Queue(QueueNames.Tiles).SendWithIdAsync(body, $"another-sender-{Guid.NewGuid():N}");
        }

        await RunAllAsync();

        Assert.Equal(tiles.Length, _bus.Queue(QueueNames.Tiles).DuplicatesDropped);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "twice.wav", jobId);
    }

    [Fact]
    public async Task LockLostAfterHandlingRedeliversTheMessageWhichCountsAsAFailureAndChangesNothing()
    {
        var (path, jobId) = await UploadAsync("lock.wav", 10);
        await _stages.SubmitAsync("lock.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        var histories = new List<DeliveryHistory>();
        Func<string, IReadOnlyDictionary<string, object?>, Task> observed = async (body, data) =>
        {
            var received = ServiceBusBindingData.Read(body, data);
            histories.Add(received.History);
            await _stages.Score.HandleAsync(received);
        };

        Assert.True(await _bus.Queue(QueueNames.Tiles).DeliverAsync(observed, loseLock: true));
        Assert.True(await _bus.Queue(QueueNames.Tiles).DeliverAsync(observed));
        await RunAllAsync();

        Assert.Equal([new DeliveryHistory(0, 0), new DeliveryHistory(1, 0)], histories);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "lock.wav", jobId);
    }

    [Fact]
    public async Task ADeadLetterNeverChangesAFinishedJobNorTheResultsOfANewerUpload()
    {
        var (path, oldJob) = await UploadAsync("again.wav", 10);
        await _stages.SubmitAsync("again.wav");
        await RunAllAsync();
        var recorder = new DeadLetterRecorder(_pipeline.Blobs);
        var lateScore = MessageCodec.Encode(IngestCompleted.For(oldJob, 1));

        await recorder.RecordAsync("aggregate", lateScore, "a late copy gave up");

        Assert.Equal(JobStatus.Complete, (await new JobStore(_pipeline.Blobs).ReadJobAsync(oldJob))!.Status);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "again.wav", oldJob);

        var stuck = (await new JobStore(_pipeline.Blobs).ReadJobAsync(oldJob))! with { Status = JobStatus.Tiled };
        await new JobStore(_pipeline.Blobs).WriteJobAsync(stuck);
        var (newPath, newJob) = await UploadAsync("again.wav", 6, seed: 9);
        await _stages.SubmitAsync("again.wav");
        await RunAllAsync();
        await recorder.RecordAsync("score", lateScore, "the old upload's copy gave up");

        Assert.Equal(JobStatus.Failed, (await new JobStore(_pipeline.Blobs).ReadJobAsync(oldJob))!.Status);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(newPath, "again.wav", newJob);
    }

    [Fact]
    public async Task AnOlderUploadWhoseStitchComesAfterTheNewerOnesEndsWithoutTouchingItsResults()
    {
        var (_, oldJob) = await UploadAsync("twice.wav", 10);
        await _stages.SubmitAsync("twice.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        await DrainAsync(QueueNames.Aggregation, _stages.Aggregate);
        var oldCheck = Assert.Single(_bus.Queue(QueueNames.Aggregation).Waiting);

        var (newPath, newJob) = await UploadAsync("twice.wav", 6, seed: 9);
        await _stages.SubmitAsync("twice.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        await DrainAsync(QueueNames.Tiles, _stages.Score);
        await DrainAsync(QueueNames.Aggregation, _stages.Aggregate);
        Assert.Equal(JobStatus.Complete, (await new JobStore(_pipeline.Blobs).ReadJobAsync(newJob))!.Status);
        await AdvanceToAndDrainAggregationAsync(oldCheck.VisibleAt);

        var old = (await new JobStore(_pipeline.Blobs).ReadJobAsync(oldJob))!;
        Assert.Equal(JobStatus.Failed, old.Status);
        Assert.Contains("was replaced or deleted", old.Error, StringComparison.Ordinal);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(newPath, "twice.wav", newJob);
        Assert.Empty(await DeadLettersAsync());
    }

    [Fact]
    public async Task ATileThatGaveUpWhileItsFileWasStillBeingTiledLeavesTheJobFailedWithThatCause()
    {
        var (_, jobId) = await UploadAsync("early.wav", 10);
        var stages = Stages(new FailureBeforePreviewStore(_pipeline.Blobs, jobId, "tile 0 could not be scored"));
        await stages.SubmitAsync("early.wav");

        Assert.Equal(1, await DrainAsync(QueueNames.Ingest, stages.Ingest));

        var job = (await new JobStore(_pipeline.Blobs).ReadJobAsync(jobId))!;
        Assert.Equal((JobStatus.Failed, "score: tile 0 could not be scored"), (job.Status, job.Error));
        Assert.Empty(_bus.Queue(QueueNames.Aggregation).Waiting);
        var results = await _pipeline.ResultsAsync("early.wav");
        Assert.Equal([ResultFiles.Error], results.Keys);
        Assert.Contains("tile 0 could not be scored", System.Text.Encoding.UTF8.GetString(results[ResultFiles.Error]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIngestCutShortWhoseUploadWasThenReplacedEndsItsJobWhenItsMessageComesBack()
    {
        var jobs = new JobStore(_pipeline.Blobs);
        var (_, oldJob) = await UploadAsync("cut.wav", 10);
        var crashing = Stages(new FailingWriteStore(_pipeline.Blobs, BlobNames.Preview(oldJob)));
        await crashing.SubmitAsync("cut.wav");
        Assert.Equal(1, await DrainAsync(QueueNames.Ingest, crashing.Ingest));
        var retry = Assert.Single(_bus.Queue(QueueNames.Ingest).Waiting);
        Assert.Equal(JobStatus.Ingesting, (await jobs.ReadJobAsync(oldJob))!.Status);

        var (newPath, newJob) = await UploadAsync("cut.wav", 6, seed: 9);
        await _stages.SubmitAsync("cut.wav");
        await RunAllAsync();
        _bus.Clock.Advance(retry.VisibleAt - _bus.Clock.GetUtcNow());
        await RunAllAsync();

        var old = (await jobs.ReadJobAsync(oldJob))!;
        Assert.Equal(JobStatus.Failed, old.Status);
        Assert.Contains("was replaced by a newer upload", old.Error, StringComparison.Ordinal);
        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(newPath, "cut.wav", newJob);
    }

    [Fact]
    public async Task AnAggregationMessageThatFailedToLeaveIsSentAgainWhenTheIngestIsRetried()
    {
        var (path, jobId) = await UploadAsync("unsent.wav", 10);
        await _stages.SubmitAsync("unsent.wav");
        _bus.Queue(QueueNames.Aggregation).FailingSends = 1;

        Assert.Equal(1, await DrainAsync(QueueNames.Ingest, _stages.Ingest));
        Assert.Empty(_bus.Queue(QueueNames.Aggregation).Waiting);
        var retry = Assert.Single(_bus.Queue(QueueNames.Ingest).Waiting);
        _bus.Clock.Advance(retry.VisibleAt - _bus.Clock.GetUtcNow());
        await RunAllAsync();

        await _pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "unsent.wav", jobId);
    }

    [Fact]
    public async Task AnOriginalRedeliveredAfterItsRetryWasScheduledSchedulesTheSameCopyWhichTheBrokerDrops()
    {
        await UploadAsync("early.wav", 10);
        await _stages.SubmitAsync("early.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);

        Assert.True(await _bus.Queue(QueueNames.Aggregation).DeliverAsync(Trigger(_stages.Aggregate), loseLock: true));
        Assert.True(await _bus.Queue(QueueNames.Aggregation).DeliverAsync(Trigger(_stages.Aggregate)));

        Assert.Equal(1, _bus.Queue(QueueNames.Aggregation).DuplicatesDropped);
        Assert.EndsWith("~retry-1", Assert.Single(_bus.Queue(QueueNames.Aggregation).Waiting).MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobBeingStitchedIsNotFailedByADeadLetteredTileOnlyByItsOwnStitchGivingUp()
    {
        var (_, jobId) = await UploadAsync("held.wav", 5);
        await _stages.SubmitAsync("held.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        var jobs = new JobStore(_pipeline.Blobs);
        await jobs.WriteJobAsync((await jobs.ReadJobAsync(jobId))! with { Status = JobStatus.Stitching });
        var recorder = new DeadLetterRecorder(_pipeline.Blobs);

        await recorder.RecordAsync("score", MessageCodec.Encode(ScoreTile.For(jobId, new Segmentation.TileRange(0, 0, 1), BlobNames.Tile(jobId, 0))), "a copy gave up");
        Assert.Equal(JobStatus.Stitching, (await jobs.ReadJobAsync(jobId))!.Status);

        await recorder.RecordAsync("aggregate", MessageCodec.Encode(IngestCompleted.For(jobId, 1)), "the stitch kept failing");
        Assert.Equal(JobStatus.Failed, (await jobs.ReadJobAsync(jobId))!.Status);
        Assert.Equal([ResultFiles.Error], (await _pipeline.ResultsAsync("held.wav")).Keys);
    }

    [Fact]
    public async Task ABrokerDeadLetterIsKeptWithTheBrokersReasonAndEndsItsJob()
    {
        var (_, jobId) = await UploadAsync("expired.wav", 5);
        await _stages.SubmitAsync("expired.wav");
        await DrainAsync(QueueNames.Ingest, _stages.Ingest);
        var body = MessageCodec.Encode(IngestCompleted.For(jobId, 1));
        var bindingData = new Dictionary<string, object?>
        {
            ["MessageId"] = "m-1",
            ["DeliveryCount"] = "10",
            ["ApplicationProperties"] = "{\"DeadLetterReason\":\"MaxDeliveryCountExceeded\",\"DeadLetterErrorDescription\":\"delivered 10 times\"}",
        };

        await _stages.RecordBrokerDeadLetterAsync(QueueNames.Aggregation, "aggregate", ServiceBusBindingData.Read(body, bindingData), ServiceBusBindingData.DeadLetterReason(bindingData));

        var letter = Assert.Single(await DeadLettersAsync());
        Assert.Equal("dead-lettered by the broker: MaxDeliveryCountExceeded: delivered 10 times", letter.Reason);
        Assert.Equal(JobStatus.Failed, (await new JobStore(_pipeline.Blobs).ReadJobAsync(jobId))!.Status);
    }

    private BrokerStages Stages(IBlobStore blobs) => new(blobs, _bus.Queue, _pipeline.Scorer, delivery: Delivery, time: _bus.Clock);

    private async Task<(string Path, string JobId)> UploadAsync(string name, double seconds, int seed = 1)
    {
        var path = TestAudio.Write(_temp.Path, $"{Guid.NewGuid():N}.wav", seconds, seed: seed);
        return (path, await _pipeline.UploadAsync(name, path));
    }

    private static Func<string, IReadOnlyDictionary<string, object?>, Task> Trigger(ScheduledRetries stage) =>
        (body, data) => stage.HandleAsync(ServiceBusBindingData.Read(body, data));

    private Task<int> DrainAsync(string queue, ScheduledRetries stage) => _bus.Queue(queue).DrainAsync(Trigger(stage));

    private async Task AdvanceToAndDrainAggregationAsync(DateTimeOffset time)
    {
        _bus.Clock.Advance(time - _bus.Clock.GetUtcNow());
        await DrainAsync(QueueNames.Aggregation, _stages.Aggregate);
    }

    private async Task RunAllAsync()
    {
        while (await DrainAsync(QueueNames.Ingest, _stages.Ingest) + await DrainAsync(QueueNames.Tiles, _stages.Score) +
               await DrainAsync(QueueNames.Aggregation, _stages.Aggregate) > 0)
        {
        }
    }

    private async Task<List<DeadLetter>> DeadLettersAsync()
    {
        var letters = new List<DeadLetter>();
        await foreach (var blob in _pipeline.Blobs.ListAsync($"{BlobNames.WorkContainer}/{BlobNames.DeadLettersFolder}/"))
        {
            letters.Add(JsonSerializer.Deserialize<DeadLetter>((await _pipeline.Blobs.ReadAsync(blob.Name))!.Content, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);
        }

        return letters;
    }

    /// <summary>A blob store on which a tile of <paramref name="jobId"/> gives up just before the ingest writes the job's preview, so while the file is still being tiled.</summary>
    private sealed class FailureBeforePreviewStore(IBlobStore inner, string jobId, string reason) : DelegatingBlobStore(inner)
    {
        public override async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            if (name == BlobNames.Preview(jobId))
            {
                await new JobStore(this).RecordFailureAsync(jobId, "score", reason, cancellationToken: cancellationToken);
            }

            return await base.WriteAsync(name, content, cancellationToken);
        }
    }

    /// <summary>A blob store whose reads of names containing <paramref name="fragment"/> fail: a fault no retry cures.</summary>
    private sealed class FailingReadStore(IBlobStore inner, string fragment) : DelegatingBlobStore(inner)
    {
        public override Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
            name.Contains(fragment, StringComparison.Ordinal) ? throw new IOException($"injected failure reading {name}") : base.ReadAsync(name, cancellationToken);
    }
}
