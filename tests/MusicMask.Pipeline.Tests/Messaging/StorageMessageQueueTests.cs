using MusicMask.Messaging;
using MusicMask.Pipeline.Tests.Support;

namespace MusicMask.Pipeline.Tests.Messaging;

/// <summary>The local transport on a real Azurite carries what the policy decided into the next delivery.</summary>
public sealed class StorageMessageQueueTests
{
    [Fact]
    public async Task AReleasedMessageStaysHiddenForItsDelayAndComesBackWithItsHistoryAndAnUnansweredDeliveryCountsAsAFailure()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var queue = pipeline.RawQueue("history-test");
        const string body = "{\"schema\":\"x\"}";
        await queue.SendAsync(body);

        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(DeliveryHistory.First, first.History);
        // Three seconds, so that the receive which must find nothing reaches Azurite inside them even on a loaded machine.
        await queue.ReleaseAsync(first, TimeSpan.FromSeconds(3), first.History.AfterWait(TimeSpan.FromSeconds(3)));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(body, Assert.Single(await queue.PeekAsync(1)));

        var second = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal((body, new DeliveryHistory(0, 1, 3)), (second.Body, second.History));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var third = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(new DeliveryHistory(1, 1, 3), third.History);
    }
}
