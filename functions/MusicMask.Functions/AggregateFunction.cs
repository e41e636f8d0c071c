using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>aggregation -> a job's check: retry later until its tiles are scored, then one stitch into results/{name}/.</summary>
public sealed class AggregateFunction(BrokerStages stages)
{
    [Function("Aggregate")]
    public Task RunAsync(
        [ServiceBusTrigger(AppSettings.AggregationQueue, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        stages.Aggregate.HandleAsync(ServiceBusBindingData.Read(message, context.BindingContext.BindingData), cancellationToken);
}
