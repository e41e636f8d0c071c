using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;

namespace MusicMask.Functions;

/// <summary>batch-scored -> durable progress; the completing delivery stitches and writes results/{name}/.</summary>
public sealed class AggregateFunction(AggregateHandler handler)
{
    [Function("Aggregate")]
    public Task RunAsync(
        [ServiceBusTrigger(AppSettings.BatchScoredQueue, Connection = AppSettings.ServiceBus)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
