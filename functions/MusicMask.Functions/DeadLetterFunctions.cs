using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>
/// The broker's own dead letters, behind the core's: a message whose deliveries went unanswered maxDeliveryCount
/// times (crashes, lost locks, failed schedules) or that expired is kept in work/dead-letters/ with the broker's
/// reason and ends its job with results/{name}/error.json, unless the job finished.
/// </summary>
public sealed class DeadLetterFunctions(BrokerStages stages)
{
    [Function("IngestDeadLetters")]
    public Task IngestAsync(
        [ServiceBusTrigger(AppSettings.IngestQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        RecordAsync(QueueNames.Ingest, "ingest", message, context, cancellationToken);

    [Function("ScoreDeadLetters")]
    public Task ScoreAsync(
        [ServiceBusTrigger(AppSettings.TilesQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        RecordAsync(QueueNames.Tiles, "score", message, context, cancellationToken);

    [Function("AggregateDeadLetters")]
    public Task AggregateAsync(
        [ServiceBusTrigger(AppSettings.AggregationQueue + AppSettings.DeadLetterSuffix, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        RecordAsync(QueueNames.Aggregation, "aggregate", message, context, cancellationToken);

    private Task RecordAsync(string queue, string stage, string message, FunctionContext context, CancellationToken cancellationToken) =>
        stages.RecordBrokerDeadLetterAsync(queue, stage, ServiceBusBindingData.Read(message, context.BindingContext.BindingData), ServiceBusBindingData.DeadLetterReason(context.BindingContext.BindingData), cancellationToken);
}
