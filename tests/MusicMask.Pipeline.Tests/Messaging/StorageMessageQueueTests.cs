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

    [Fact]
    public async Task MessagesAndDeadLettersNeverExpireAndAMessageStaysHiddenForAsLongAsItIsHandled()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var queue = pipeline.RawQueue("long-work");
        await queue.SendAsync("{\"schema\":\"slow\"}");
        var deliveries = 0;
        var seenByOthers = new List<int>();
        var worker = new QueueWorker(
            queue,
            new MessageDispatcher(queue.Name, async (_, token) =>
            {
                deliveries++;
                for (var i = 0; i < 3; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(4), token);
                    seenByOthers.Add((await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), token)).Count);
                }

                return MessageOutcome.Rejected("handled for three visibility timeouts, then refused");
            }, new DeliveryPolicy(new DeliveryOptions())),
            new QueueWorkerOptions { VisibilityTimeout = TimeSpan.FromSeconds(4) });

        Assert.True(await worker.ProcessOneAsync());

        Assert.Equal(1, deliveries);
        Assert.Equal([0, 0, 0], seenByOthers);
        Assert.Equal(0, await queue.ApproximateCountAsync());
        var poison = pipeline.Connection.Queues.GetQueueClient(QueueNames.Poison("long-work"));
        var letter = Assert.Single((await poison.PeekMessagesAsync(1)).Value);
        Assert.Contains("refused", letter.Body.ToString(), StringComparison.Ordinal);
        Assert.True(letter.ExpiresOn > DateTimeOffset.UtcNow.AddYears(10), $"the dead letter expires on {letter.ExpiresOn}");
        await queue.SendAsync("{\"schema\":\"kept\"}");
        var kept = Assert.Single((await pipeline.Connection.Queues.GetQueueClient("long-work").PeekMessagesAsync(1)).Value);
        Assert.True(kept.ExpiresOn > DateTimeOffset.UtcNow.AddYears(10), $"the message expires on {kept.ExpiresOn}");
    }
}
