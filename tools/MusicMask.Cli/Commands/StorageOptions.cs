using System.CommandLine;
using Microsoft.Extensions.Logging;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>Options and clients shared by the commands that work against Blob storage and queues.</summary>
internal static class StorageOptions
{
    public static Option<string> Storage() => new("--storage", "-s")
    {
        Description = "connection string (default: Azurite's development storage) or blob endpoint URL (https://<account>.blob.core.windows.net, signed in with DefaultAzureCredential)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MUSICMASK_STORAGE") ?? StorageConnection.DevelopmentStorage,
    };

    public static Option<TimeSpan> VisibilityTimeout() => new Option<TimeSpan>("--visibility-timeout")
    {
        Description = "how long a received message stays hidden before another worker may redo it",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
    }.Within(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));

    public static Option<int> MaxDeliveries() => new Option<int>("--max-deliveries")
    {
        Description = "deliveries of a failing message before it goes to the poison queue",
        DefaultValueFactory = _ => 5,
    }.Within(1, 1000);

    public static (AzureBlobStore Blobs, Func<string, IMessageQueue> Queues) Open(string connection)
    {
        var clients = StorageConnection.Create(connection);
        var queues = new Dictionary<string, IMessageQueue>();
        return (clients.CreateBlobStore(), name =>
        {
            lock (queues)
            {
                if (!queues.TryGetValue(name, out var queue))
                {
                    queues[name] = queue = new StorageMessageQueue(clients.Queues, name);
                }

                return queue;
            }
        });
    }

    public static ILoggerFactory Logging() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Azure", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.IncludeScopes = true;
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        }));

    /// <summary>A token cancelled by Ctrl+C or SIGTERM, so workers stop between messages.</summary>
    public static CancellationTokenSource StopOnSignal()
    {
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        return stop;
    }
}
