namespace MusicMask.Messaging;

/// <summary>Queue names shared by every host (Service Bus queues in Azure, storage queues on Azurite).</summary>
public static class QueueNames
{
    public const string Ingest = "ingest-requests";
    public const string Tiles = "tiles";
    public const string Aggregation = "aggregation";
    public const string PoisonSuffix = "-poison";

    public static string Poison(string queue) => queue + PoisonSuffix;
}
