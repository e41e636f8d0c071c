using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Functions;

/// <summary>The app settings and binding names the functions use; infra/app/function-app.bicep sets every one.</summary>
public static class AppSettings
{
    /// <summary>Identity-based connection to the data storage account: PipelineStorage__blobServiceUri, __queueServiceUri, __credential, __clientId.</summary>
    public const string Storage = "PipelineStorage";

    /// <summary>Identity-based connection to Service Bus: ServiceBus__fullyQualifiedNamespace, __credential, __clientId.</summary>
    public const string ServiceBus = "ServiceBus";

    public const string AudioPath = BlobNames.AudioContainer + "/{name}";
    public const string IngestQueue = QueueNames.Ingest;
    public const string TilesQueue = QueueNames.Tiles;
    public const string AggregationQueue = QueueNames.Aggregation;
    public const string DeadLetterSuffix = "/$DeadLetterQueue";

    /// <summary>
    /// NCRONTAB schedule of the ScheduledReport timer. The timer runs only where AzureWebJobs.ScheduledReport.Disabled
    /// is false: function-app.bicep sets both from its reportSchedule parameter, off when that is empty.
    /// </summary>
    public const string ReportSchedule = "ReportSchedule";

    /// <summary>"true": the aggregator also writes music.wav and remainder.wav into each result folder.</summary>
    public const string AudioOutputs = "AudioOutputs";

    /// <summary>How long a stitch claim protects its aggregator (a TimeSpan, e.g. 00:30:00); longer with audio outputs on.</summary>
    public const string StitchClaimTimeout = "StitchClaimTimeout";
}
