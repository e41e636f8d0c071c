using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// Wires the three stage handlers to their queues for a queue-driven host (the local serve/worker processes):
/// each worker completes, retries or dead-letters its messages, and a dead letter becomes its job's error record.
/// </summary>
public sealed class StageWorkers(IBlobStore blobs, Func<string, IMessageQueue> queues, QueueWorkerOptions? options = null, ILoggerFactory? loggers = null)
{
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;
    private readonly DeadLetterRecorder _deadLetters = new(blobs);

    public QueueWorker Ingest()
    {
        var handler = new IngestHandler(blobs, queues(QueueNames.PatchBatches), queues(QueueNames.BatchScored), _loggers.CreateLogger<IngestHandler>());
        return Worker(QueueNames.Ingest, "ingest", (message, token) => handler.HandleAsync(message.Body, token));
    }

    public QueueWorker Score(StripScorer scorer, QueueWorkerOptions? scoreOptions = null)
    {
        var handler = new ScoreHandler(blobs, scorer, _loggers.CreateLogger<ScoreHandler>());
        var next = queues(QueueNames.BatchScored);
        return Worker(
            QueueNames.PatchBatches,
            "score",
            async (message, token) => await next.SendAsync(await handler.HandleAsync(message.Body, token).ConfigureAwait(false), token).ConfigureAwait(false),
            scoreOptions);
    }

    public QueueWorker Aggregate(AggregatorOptions? aggregatorOptions = null)
    {
        var handler = new AggregateHandler(blobs, aggregatorOptions, _loggers.CreateLogger<AggregateHandler>());
        return Worker(QueueNames.BatchScored, "aggregate", (message, token) => handler.HandleAsync(message.Body, token));
    }

    private QueueWorker Worker(string queue, string stage, Func<QueueMessage, CancellationToken, Task> handle, QueueWorkerOptions? workerOptions = null) =>
        new(
            queues(queue),
            handle,
            (message, reason, token) => _deadLetters.RecordAsync(stage, message.Body, reason, token),
            workerOptions ?? options,
            _loggers.CreateLogger($"MusicMask.Worker.{stage}"));
}
