using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Messaging;

public sealed class DeliveryPolicyTests
{
    private readonly DeliveryPolicy _policy = new(new DeliveryOptions { MaxFailures = 3, MaxWaitTime = TimeSpan.FromSeconds(3.5), RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(5) });

    [Fact]
    public void DoneCompletesAndRejectedDeadLettersAtOnceWithTheReason()
    {
        Assert.Equal(DeliveryAction.Complete, _policy.Decide(MessageOutcome.Done, default).Action);
        var rejected = _policy.Decide(MessageOutcome.Rejected("no such job"), default);
        Assert.Equal((DeliveryAction.DeadLetter, "rejected: no such job"), (rejected.Action, rejected.Reason));
    }

    [Fact]
    public void WaitsAreCountedApartFromFailuresAndEndWhenTheirTimeIsSpent()
    {
        var history = new DeliveryHistory(Failures: 2, Waits: 0);
        for (var wait = 0; wait < 3; wait++)
        {
            var decision = _policy.Decide(MessageOutcome.RetryLater(TimeSpan.FromSeconds(1), "not ready"), history);
            Assert.Equal((DeliveryAction.Retry, TimeSpan.FromSeconds(1)), (decision.Action, decision.Delay));
            history = decision.Next;
        }

        Assert.Equal(new DeliveryHistory(2, 3, 3), history);
        var last = _policy.Decide(MessageOutcome.RetryLater(TimeSpan.FromSeconds(1), "not ready"), history);
        Assert.Equal(DeliveryAction.DeadLetter, last.Action);
        Assert.StartsWith("still not ready after 3 waits over 00:00:03", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FaultsBackOffDoublingUpToTheCapAndDeadLetterAtTheFailureBudget()
    {
        var fault = new IOException("storage down");
        var first = _policy.Decide(fault, default);
        var second = _policy.Decide(fault, first.Next);
        var third = _policy.Decide(fault, second.Next);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], new[] { first.Delay, second.Delay });
        Assert.Equal(DeliveryAction.DeadLetter, third.Action);
        Assert.Equal("failed 3 times, last: IOException: storage down", third.Reason);
        var capped = new DeliveryPolicy(new DeliveryOptions { MaxRetryDelay = TimeSpan.FromSeconds(5) });
        Assert.Equal(TimeSpan.FromSeconds(5), capped.Decide(MessageOutcome.RetryLater(TimeSpan.FromHours(1), "later"), default).Delay);
    }

    [Fact]
    public void AMessageWhoseDeliveriesUsedTheFailureBudgetIsGivenUpBeforeItRunsAgain()
    {
        Assert.False(_policy.HasFailedTooOften(new DeliveryHistory(2, 50)));
        Assert.True(_policy.HasFailedTooOften(new DeliveryHistory(3, 0)));
        Assert.Equal(DeliveryAction.DeadLetter, _policy.GiveUp(new DeliveryHistory(3, 0)).Action);
    }

    [Fact]
    public void DeliveriesNobodyAnsweredCountAsFailures()
    {
        Assert.Equal(new DeliveryHistory(0, 2), DeliveryHistory.FromDeliveryCount(3, new DeliveryHistory(0, 2)));
        Assert.Equal(new DeliveryHistory(2, 2), DeliveryHistory.FromDeliveryCount(5, new DeliveryHistory(0, 2)));
        Assert.Equal(new DeliveryHistory(1, 0), DeliveryHistory.FromDeliveryCount(2, default));
    }

    [Fact]
    public void TheEnvelopeKeepsBodyAndHistoryAndLeavesOtherTextAlone()
    {
        var body = "{\"schema\":\"musicmask.ingest-completed.v1\",\"job_id\":\"0123456789abcdef\"}";
        Assert.Equal((body, new DeliveryHistory(1, 7, 42.5)), DeliveryEnvelope.Open(DeliveryEnvelope.Seal(body, new DeliveryHistory(1, 7, 42.5))));
        Assert.Equal((body, default(DeliveryHistory)), DeliveryEnvelope.Open(body));
        Assert.Equal(("{\"musicmask_delivery\":", default(DeliveryHistory)), DeliveryEnvelope.Open("{\"musicmask_delivery\":"));
    }

    [Fact]
    public void RetryIdsAreDeterministicAndNeverNest()
    {
        var first = ScheduledRetries.RetryId("0123456789abcdef.sealed.3", 1);
        Assert.Equal("0123456789abcdef.sealed.3~retry-1", first);
        Assert.Equal("0123456789abcdef.sealed.3~retry-2", ScheduledRetries.RetryId(first, 2));
    }

    [Fact]
    public void AServiceBusCopyCountsItsOwnUnansweredDeliveriesOnTopOfWhatItCarried()
    {
        var copy = new ReceivedMessage("id~retry-3", "{}", DeliveryCount: 2, Recorded: new DeliveryHistory(1, 2));
        Assert.Equal(new DeliveryHistory(2, 2), copy.History);
        Assert.Equal(3, copy.Copy);
    }
}
