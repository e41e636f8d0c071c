using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;

namespace MusicMask.Functions;

/// <summary>patch-batches -> one ONNX strip run -> scores blob + a BatchScored message.</summary>
public sealed class ScoreFunction(ScoreHandler handler)
{
    [Function("Score")]
    [ServiceBusOutput(AppSettings.BatchScoredQueue, Connection = AppSettings.ServiceBus)]
    public Task<string> RunAsync(
        [ServiceBusTrigger(AppSettings.PatchBatchesQueue, Connection = AppSettings.ServiceBus)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
