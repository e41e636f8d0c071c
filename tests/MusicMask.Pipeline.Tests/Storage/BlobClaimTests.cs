using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

public sealed class BlobClaimTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ALiveClaimIsHeldPastItsTimeoutAndAReleasedOneIsFreeAtOnce()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var first = await BlobClaim.TryTakeAsync(harness.Blobs, "work/claims/live", Timeout);
        Assert.NotNull(first);

        await Task.Delay(Timeout * 2);
        Assert.Null(await BlobClaim.TryTakeAsync(harness.Blobs, "work/claims/live", Timeout));

        await first.DisposeAsync();
        await using var second = await BlobClaim.TryTakeAsync(harness.Blobs, "work/claims/live", Timeout);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task AClaimWhoseHolderStoppedRenewingIsTakenOverOnlyAfterItsHoldersTimeout()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var dead = await BlobClaim.TryTakeAsync(new UnrenewableStore(harness.Blobs), "work/claims/dead", Timeout);
        Assert.NotNull(dead);
        var impatient = Timeout / 3;

        await Task.Delay(impatient * 2);
        Assert.Null(await BlobClaim.TryTakeAsync(harness.Blobs, "work/claims/dead", impatient));
        await Task.Delay(Timeout);
        await using var next = await BlobClaim.TryTakeAsync(harness.Blobs, "work/claims/dead", impatient);
        Assert.NotNull(next);
        Assert.True(dead.Lost.WaitHandle.WaitOne(Timeout), "the holder that stopped renewing never learnt its claim was taken over");
    }

    /// <summary>A store through which a claim can be taken but never renewed nor released, as by a process cut off from storage.</summary>
    private sealed class UnrenewableStore(IBlobStore inner) : DelegatingBlobStore(inner)
    {
        public override Task<bool> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string etag, CancellationToken cancellationToken = default) =>
            throw new IOException("this holder is cut off");
    }
}
