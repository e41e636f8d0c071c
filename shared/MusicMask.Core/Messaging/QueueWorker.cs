using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MusicMask.Messaging;

/// <summary>
/// Runs a stage over a queue with at-least-once semantics: each delivery goes through a
/// <see cref="MessageDispatcher"/> and its decision is carried out in the queue's terms: complete deletes the
/// message, retry makes it visible again after the delay with its history, dead-letter moves it to the poison queue.
/// </summary>
public sealed class QueueWorker(IMessageQueue queue, MessageDispatcher dispatcher, QueueWorkerOptions? options = null, ILogger? logger = null)
{
    private readonly QueueWorkerOptions _options = options ?? new QueueWorkerOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public IMessageQueue Queue => queue;

    /// <summary>Handles messages with <see cref="QueueWorkerOptions.Concurrency"/> loops until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Concurrency)).Select(_ => Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None)));

    /// <summary>Receives and handles one message; returns false when the queue had none visible.</summary>
    public async Task<bool> ProcessOneAsync(CancellationToken cancellationToken = default)
    {
        var messages = await queue.ReceiveAsync(1, _options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages)
        {
            await HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return messages.Count > 0;
    }

    /// <summary>
    /// Handles one delivery already received (used by tests that reorder or repeat deliveries), keeping the message
    /// hidden while it is handled: an ingest of hours of audio or a stitch with audio outputs can outlast the
    /// visibility timeout, and a message that reappeared would be handled twice and counted as a failure.
    /// </summary>
    public async Task<DeliveryDecision> HandleAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        DeliveryDecision decision;
        using (var handled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var hidden = KeepHiddenAsync(message, handled.Token, cancellationToken);
            try
            {
                decision = await dispatcher.DispatchAsync(message.Id, message.Body, message.History, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await handled.CancelAsync().ConfigureAwait(false);
                message = await hidden.ConfigureAwait(false);
            }
        }

        var apply = decision.Action switch
        {
            DeliveryAction.Complete => queue.CompleteAsync(message, cancellationToken),
            DeliveryAction.Retry => queue.ReleaseAsync(message, decision.Delay, decision.Next, cancellationToken),
            _ => queue.DeadLetterAsync(message, decision.Reason, cancellationToken),
        };
        await apply.ConfigureAwait(false);
        return decision;
    }

    /// <summary>
    /// Extends the message's visibility every half timeout until <paramref name="handlingEnded"/>; returns the
    /// delivery with its latest receipt. Only the wait is cut short when handling ends, never an extension in
    /// flight, whose new receipt the settlement needs. A failed extension is tried again at the next beat: one
    /// storage hiccup must not leave an hours-long ingest exposed for the rest of its run.
    /// </summary>
    private async Task<QueueMessage> KeepHiddenAsync(QueueMessage message, CancellationToken handlingEnded, CancellationToken cancellationToken)
    {
        var period = _options.VisibilityTimeout / 2;
        while (true)
        {
            try
            {
                await Task.Delay(period, handlingEnded).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return message;
            }

            try
            {
                message = await queue.ExtendAsync(message, _options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(error, "{Queue} message {Id}: could not keep it hidden this time; it may be delivered again", queue.Name, message.Id);
            }
            catch (OperationCanceledException)
            {
                return message;
            }
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await ProcessOneAsync(cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(_options.IdleDelay, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "{Queue}: receive failed; retrying", queue.Name);
                await Task.Delay(_options.IdleDelay, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
