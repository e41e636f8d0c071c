using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Scoring;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// The stage handlers on a broker that completes on return (Service Bus under the Functions app): each stage's
/// dispatcher with its retries scheduled on its own queue and its dead letters kept as blobs. Built once per process.
/// </summary>
public sealed class BrokerStages(
    IBlobStore blobs,
    Func<string, IBrokerQueue> queues,
    ITileScorer scorer,
    ILoggerFactory? loggers = null,
    DeliveryOptions? delivery = null,
    TimeProvider? time = null,
    AggregatorOptions? aggregator = null)
{
    private readonly StageHandlers _handlers = new(blobs, queues, delivery, loggers ?? NullLoggerFactory.Instance);
    private readonly BlobDeadLetterStore _deadLetters = new(blobs);
    private readonly DeadLetterRecorder _recorder = new(blobs);

    public ScheduledRetries Ingest => field ??= Retries(_handlers.Ingest());

    public ScheduledRetries Score => field ??= Retries(_handlers.Score(scorer));

    public ScheduledRetries Aggregate => field ??= Retries(_handlers.Aggregate(aggregator));

    /// <summary>
    /// Turns a BlobCreated event into an ingest request for the upload as it is now (its ETag makes the message id,
    /// so a repeated event is a duplicate); false when it no longer exists. An unsafe name is sent on, to be rejected
    /// and recorded by the ingest stage.
    /// </summary>
    public async Task<bool> SubmitAsync(string name, CancellationToken cancellationToken = default)
    {
        var safe = BlobNames.IsSafe(name);
        var upload = safe ? await blobs.GetInfoAsync(BlobNames.Audio(name), cancellationToken).ConfigureAwait(false) : null;
        if (safe && upload is null)
        {
            return false;
        }

        var request = IngestRequest.For(BlobNames.AudioContainer, name, upload?.ETag);
        await queues(QueueNames.Ingest).SendAsync(MessageCodec.Encode(request), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A message the broker dead-lettered itself (its deliveries went unanswered, or it expired): kept as a blob with
    /// the broker's reason, as the core's own dead letters are, and recorded for its job.
    /// </summary>
    public async Task RecordBrokerDeadLetterAsync(string queue, string stage, ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        var why = $"dead-lettered by the broker: {reason}";
        await _deadLetters.KeepAsync(new DeadLetter(queue, why, message.DeliveryCount, DateTimeOffset.UtcNow, message.Body), message.MessageId, cancellationToken).ConfigureAwait(false);
        await _recorder.RecordAsync(stage, message.Body, why, cancellationToken).ConfigureAwait(false);
    }

    private ScheduledRetries Retries(MessageDispatcher dispatcher) => new(dispatcher, queues(dispatcher.Queue), _deadLetters, time);
}
