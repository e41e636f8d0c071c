using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>batch-scored -> durable progress; the completing delivery stitches and writes results/{name}/.</summary>
public sealed class AggregateFunction(BrokerStages stages)
{
    [Function("Aggregate")]
    public Task RunAsync(
        [ServiceBusTrigger(AppSettings.BatchScoredQueue, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        stages.Aggregate.HandleAsync(ServiceBusBindingData.Read(message, context.BindingContext.BindingData), cancellationToken);
}
