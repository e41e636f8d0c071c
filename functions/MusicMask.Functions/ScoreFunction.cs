using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>tiles -> one ONNX strip run -> work/{job}/scores/{i}.</summary>
public sealed class ScoreFunction(BrokerStages stages)
{
    [Function("Score")]
    public Task RunAsync(
        [ServiceBusTrigger(AppSettings.TilesQueue, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        stages.Score.HandleAsync(ServiceBusBindingData.Read(message, context.BindingContext.BindingData), cancellationToken);
}
