using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Messaging;

public sealed class MessageDispatcherTests
{
    [Fact]
    public async Task ADeadLetterWhoseFailureCannotBeRecordedLeavesTheMessageToItsNextDelivery()
    {
        var recorded = new List<string>();
        var storageDown = true;
        var dispatcher = new MessageDispatcher(
            "tiles",
            (_, _) => Task.FromResult(MessageOutcome.Rejected("not a tile")),
            new DeliveryPolicy(),
            (body, reason, _) => storageDown ? throw new IOException("storage unavailable") : Task.Run(() => recorded.Add($"{body}: {reason}")));

        await Assert.ThrowsAsync<IOException>(() => dispatcher.DispatchAsync("m1", "{}", DeliveryHistory.First));
        storageDown = false;
        var decision = await dispatcher.DispatchAsync("m1", "{}", DeliveryHistory.First);

        Assert.Equal(DeliveryAction.DeadLetter, decision.Action);
        Assert.Equal(["{}: rejected: not a tile"], recorded);
    }
}
