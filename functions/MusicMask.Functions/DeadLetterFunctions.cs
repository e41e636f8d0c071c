using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;

namespace MusicMask.Functions;

/// <summary>
/// The broker's own dead letters, behind the core's: a message whose deliveries went unanswered maxDeliveryCount
/// times (crashes, lost locks, failed schedules) ends its job with results/{name}/error.json, unless it finished.
/// </summary>
public sealed class DeadLetterFunctions(DeadLetterRecorder recorder)
{
    private const string Reason = "dead-lettered by Service Bus: its deliveries went unanswered maxDeliveryCount times";

    [Function("IngestDeadLetters")]
    public Task IngestAsync(
        [ServiceBusTrigger(AppSettings.IngestQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync("ingest", message, Reason, cancellationToken);

    [Function("ScoreDeadLetters")]
    public Task ScoreAsync(
        [ServiceBusTrigger(AppSettings.TilesQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync("score", message, Reason, cancellationToken);

    [Function("AggregateDeadLetters")]
    public Task AggregateAsync(
        [ServiceBusTrigger(AppSettings.AggregationQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync("aggregate", message, Reason, cancellationToken);
}
