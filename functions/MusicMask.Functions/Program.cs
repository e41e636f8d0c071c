using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicMask.Functions;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Reports;
using MusicMask.Scoring;
using MusicMask.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

// The worker's Application Insights provider adds a rule that keeps only Warning and above; without removing it the
// stage handlers' information logs (job tiled, stitched) never arrive. host.json's logLevel filters only the host's
// own logs, so the worker's SDK chatter is filtered here.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
builder.Logging.AddFilter("Azure.Messaging.ServiceBus", LogLevel.Warning);

var settings = builder.Configuration;
var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings[$"{AppSettings.Storage}:clientId"] });
builder.Services.AddSingleton<IBlobStore>(new AzureBlobStore(new BlobServiceClient(new Uri(settings[$"{AppSettings.Storage}:blobServiceUri"]!), credential)));
builder.Services.AddSingleton(services => new ReportPublisher(services.GetRequiredService<IBlobStore>()));
builder.Services.AddSingleton(new ServiceBusClient(settings[$"{AppSettings.ServiceBus}:fullyQualifiedNamespace"], credential));
builder.Services.AddSingleton(services => new ServiceBusSenders(services.GetRequiredService<ServiceBusClient>()));
builder.Services.AddSingleton(new StripScorer(Path.Combine(AppContext.BaseDirectory, "models", "musicmask-v1.onnx")));
builder.Services.AddSingleton(services => new BrokerStages(
    services.GetRequiredService<IBlobStore>(),
    services.GetRequiredService<ServiceBusSenders>().For,
    services.GetRequiredService<StripScorer>(),
    services.GetRequiredService<ILoggerFactory>(),
    aggregator: new AggregatorOptions
    {
        Audio = string.Equals(settings[AppSettings.AudioOutputs], "true", StringComparison.OrdinalIgnoreCase),
        ClaimTimeout = TimeSpan.TryParse(settings[AppSettings.StitchClaimTimeout], System.Globalization.CultureInfo.InvariantCulture, out var claim) && claim > TimeSpan.Zero
            ? claim
            : new AggregatorOptions().ClaimTimeout,
    }));

builder.Build().Run();
