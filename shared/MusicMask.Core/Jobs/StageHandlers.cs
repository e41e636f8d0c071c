using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// The three stage handlers behind their dispatchers, wired the same for every host: the local serve/worker
/// processes run them over storage queues (<see cref="StageWorkers"/>), the Functions app over Service Bus. A dead
/// letter becomes its job's error record.
/// </summary>
public sealed class StageHandlers(IBlobStore blobs, Func<string, IMessageSender> senders, DeliveryOptions? delivery = null, ILoggerFactory? loggers = null)
{
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;
    private readonly DeadLetterRecorder _deadLetters = new(blobs);
    private readonly DeliveryPolicy _policy = new(delivery);

    public MessageDispatcher Ingest()
    {
        var handler = new IngestHandler(blobs, senders(QueueNames.Tiles), senders(QueueNames.Aggregation), _loggers.CreateLogger<IngestHandler>());
        return Dispatcher(QueueNames.Ingest, "ingest", handler.HandleAsync);
    }

    public MessageDispatcher Score(ITileScorer scorer)
    {
        var handler = new ScoreHandler(blobs, scorer, _loggers.CreateLogger<ScoreHandler>());
        return Dispatcher(QueueNames.Tiles, "score", handler.HandleAsync);
    }

    public MessageDispatcher Aggregate(AggregatorOptions? aggregatorOptions = null)
    {
        var handler = new AggregateHandler(blobs, aggregatorOptions, _loggers.CreateLogger<AggregateHandler>());
        return Dispatcher(QueueNames.Aggregation, "aggregate", handler.HandleAsync);
    }

    private MessageDispatcher Dispatcher(string queue, string stage, MessageHandler handle) =>
        new(queue, handle, _policy, (body, reason, token) => _deadLetters.RecordAsync(stage, body, reason, token), _loggers.CreateLogger($"MusicMask.Worker.{stage}"));
}
