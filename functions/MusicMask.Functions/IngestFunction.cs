using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MusicMask.Jobs;
using MusicMask.Storage;

namespace MusicMask.Functions;

/// <summary>BlobCreated on audio/{name} (through Event Grid) -> tiles and PatchBatch messages.</summary>
public sealed class IngestFunction(IBlobStore blobs, ServiceBusSenders senders, ILogger<IngestFunction> logger)
{
    [Function("Ingest")]
    public async Task RunAsync(
        [BlobTrigger(AppSettings.AudioPath, Source = BlobTriggerSource.EventGrid, Connection = AppSettings.Storage)] Stream audio,
        string name,
        CancellationToken cancellationToken)
    {
        await using var patchBatches = senders.For(AppSettings.PatchBatchesQueue);
        await using var batchScored = senders.For(AppSettings.BatchScoredQueue);
        await new IngestHandler(blobs, patchBatches, batchScored, logger).HandleAsync(IngestRequest.For(BlobNames.AudioContainer, name), cancellationToken);
    }
}
