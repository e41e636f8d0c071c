using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;

namespace MusicMask.Functions;

/// <summary>A message Service Bus dead-lettered ends its job with results/{name}/error.json.</summary>
public sealed class DeadLetterFunctions(DeadLetterRecorder recorder)
{
    private const string Reason = "dead-lettered by Service Bus after its delivery budget; see the queue's dead-letter reason";

    [Function("ScoreDeadLetters")]
    public Task ScoreAsync(
        [ServiceBusTrigger(AppSettings.PatchBatchesQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync("score", message, Reason, cancellationToken);

    [Function("AggregateDeadLetters")]
    public Task AggregateAsync(
        [ServiceBusTrigger(AppSettings.BatchScoredQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync("aggregate", message, Reason, cancellationToken);
}
