using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>BlobCreated on audio/{name} (through Event Grid) -> an ingest request; ingest-requests -> tiles and ScoreTile messages.</summary>
public sealed class IngestFunction(BrokerStages stages)
{
    /// <summary>Binds a BlobClient so the upload is not read here: the ingest stage reads it once.</summary>
    [Function("Submit")]
    public Task SubmitAsync(
        [BlobTrigger(AppSettings.AudioPath, Source = BlobTriggerSource.EventGrid, Connection = AppSettings.Storage)] BlobClient audio,
        string name,
        CancellationToken cancellationToken) =>
        stages.SubmitAsync(name, cancellationToken);

    [Function("Ingest")]
    public Task IngestAsync(
        [ServiceBusTrigger(AppSettings.IngestQueue, Connection = AppSettings.ServiceBus, IsBatched = false)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        stages.Ingest.HandleAsync(ServiceBusBindingData.Read(message, context.BindingContext.BindingData), cancellationToken);
}
