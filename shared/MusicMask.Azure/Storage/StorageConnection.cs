using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MusicMask.Storage;

/// <summary>
/// Turns what a user types after --storage into service clients: a connection string (Azurite, or a key-based
/// account), or a blob endpoint URL (https://account.blob.core.windows.net) used with DefaultAzureCredential.
/// </summary>
public sealed class StorageConnection
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private StorageConnection(BlobServiceClient blobs, QueueServiceClient queues, BlobServiceClient? listingProbe = null)
    {
        Blobs = blobs;
        Queues = queues;
        ListingProbe = listingProbe;
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>
    /// For the emulator only: a blob client that does not retry, to find a name Azurite fails to list with quick
    /// probes (<see cref="UnlistableNames"/>); Azure itself lists every name.
    /// </summary>
    public BlobServiceClient? ListingProbe { get; }

    public AzureBlobStore CreateBlobStore() => new(Blobs, ListingProbe);

    public static StorageConnection Create(string connection, TokenCredential? credential = null)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new StorageConnectionFormatException(Usage);
        }

        if (Uri.TryCreate(connection, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            credential ??= new DefaultAzureCredential();
            var queueUri = new Uri(uri.GetLeftPart(UriPartial.Authority).Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase));
            return new StorageConnection(new BlobServiceClient(uri, credential), new QueueServiceClient(queueUri, credential, QueueOptions()));
        }

        if (!connection.Contains('=', StringComparison.Ordinal))
        {
            throw new StorageConnectionFormatException(Usage);
        }

        var blobOptions = IsEmulator(connection) ? new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06) : new BlobClientOptions();
        var queueOptions = IsEmulator(connection) ? new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06) : new QueueClientOptions();
        try
        {
            var probe = IsEmulator(connection) ? new BlobServiceClient(connection, NoRetries(new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06))) : null;
            return new StorageConnection(new BlobServiceClient(connection, blobOptions), new QueueServiceClient(connection, queueOptions), probe);
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            throw new StorageConnectionFormatException($"{Usage}; this one is not: {error.Message}", error);
        }
    }

    private const string Usage = "storage takes a connection string (e.g. UseDevelopmentStorage=true) or a blob endpoint URL (https://<account>.blob.core.windows.net)";

    /// <summary>A connection string for an Azurite listening on loopback with the well-known development account.</summary>
    public static string ForAzurite(int blobPort, int queuePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    private static QueueClientOptions QueueOptions() => new();

    private static BlobClientOptions NoRetries(BlobClientOptions options)
    {
        options.Retry.MaxRetries = 0;
        return options;
    }

    private static bool IsEmulator(string connection) =>
        connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ||
        connection.Contains("127.0.0.1", StringComparison.Ordinal) ||
        connection.Contains("localhost", StringComparison.OrdinalIgnoreCase);
}
