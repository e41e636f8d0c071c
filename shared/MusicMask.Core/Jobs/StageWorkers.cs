using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>The stage handlers run over storage queues: the local serve/worker processes and the tests' pipeline.</summary>
public sealed class StageWorkers(IBlobStore blobs, Func<string, IMessageQueue> queues, QueueWorkerOptions? options = null, DeliveryOptions? delivery = null, ILoggerFactory? loggers = null)
{
    private readonly StageHandlers _handlers = new(blobs, queues, delivery, loggers);
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    public QueueWorker Ingest() => Worker(_handlers.Ingest());

    public QueueWorker Score(ITileScorer scorer, QueueWorkerOptions? scoreOptions = null) => Worker(_handlers.Score(scorer), scoreOptions);

    public QueueWorker Aggregate(AggregatorOptions? aggregatorOptions = null) => Worker(_handlers.Aggregate(aggregatorOptions));

    private QueueWorker Worker(MessageDispatcher dispatcher, QueueWorkerOptions? stageOptions = null) =>
        new(queues(dispatcher.Queue), dispatcher, stageOptions ?? options, _loggers.CreateLogger($"MusicMask.Queue.{dispatcher.Queue}"));
}
