using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Jobs;

public sealed class StitchClaimTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AStitchThatOutlastsTheClaimTimeoutKeepsItsClaimFromADuplicateMessage()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, jobId) = await pipeline.SubmitAsync(_temp.Path, "long.wav", 8, ingest: true);
        var scorer = pipeline.Workers.Score(pipeline.Scorer);
        while (await scorer.ProcessOneAsync())
        {
        }

        var job = (await new JobStore(pipeline.Blobs).ReadJobAsync(jobId))!;
        var body = MessageCodec.Encode(IngestCompleted.For(jobId, job.Tiles));
        var options = new AggregatorOptions { ClaimTimeout = TimeSpan.FromSeconds(2) };
        var slow = new AggregateHandler(new SlowReadStore(pipeline.Blobs, BlobNames.Preview(jobId), TimeSpan.FromSeconds(6)), options);

        var first = slow.HandleAsync(body);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var duplicate = await new AggregateHandler(pipeline.Blobs, options).HandleAsync(body);

        Assert.Equal(OutcomeKind.RetryLater, duplicate.Kind);
        Assert.Equal(MessageOutcome.Done, await first);
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "long.wav", jobId);
    }

    /// <summary>A blob store whose read of <paramref name="slowBlob"/> takes <paramref name="delay"/>: a stitch that outlasts the claim timeout.</summary>
    private sealed class SlowReadStore(IBlobStore inner, string slowBlob, TimeSpan delay) : DelegatingBlobStore(inner)
    {
        public override async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default)
        {
            if (name == slowBlob)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return await base.ReadAsync(name, cancellationToken);
        }
    }
}
