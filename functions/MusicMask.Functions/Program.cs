using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicMask.Functions;
using MusicMask.Jobs;
using MusicMask.Scoring;
using MusicMask.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

var settings = builder.Configuration;
var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings[$"{AppSettings.Storage}:clientId"] });
builder.Services.AddSingleton<IBlobStore>(new AzureBlobStore(new BlobServiceClient(new Uri(settings[$"{AppSettings.Storage}:blobServiceUri"]!), credential)));
builder.Services.AddSingleton(new ServiceBusClient(settings[$"{AppSettings.ServiceBus}:fullyQualifiedNamespace"], credential));
builder.Services.AddSingleton(new StripScorer(Path.Combine(AppContext.BaseDirectory, "models", "musicmask-v1.onnx")));
builder.Services.AddSingleton<ScoreHandler>();
builder.Services.AddSingleton(services => new AggregateHandler(services.GetRequiredService<IBlobStore>(), new AggregatorOptions(), services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AggregateHandler>>()));
builder.Services.AddSingleton<DeadLetterRecorder>();
builder.Services.AddSingleton(services => new ServiceBusSenders(services.GetRequiredService<ServiceBusClient>()));

builder.Build().Run();
