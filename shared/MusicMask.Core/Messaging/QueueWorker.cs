using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MusicMask.Messaging;

/// <summary>
/// Runs a handler over a queue with at-least-once semantics: success completes the message; a failure releases it
/// for a retry with backoff; a rejected message, or one that failed <see cref="QueueWorkerOptions.MaxDeliveries"/>
/// times, goes to the poison queue and <c>onDeadLetter</c> records it for its job.
/// </summary>
public sealed class QueueWorker(
    IMessageQueue queue,
    Func<QueueMessage, CancellationToken, Task> handle,
    Func<QueueMessage, string, CancellationToken, Task>? onDeadLetter = null,
    QueueWorkerOptions? options = null,
    ILogger? logger = null)
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

    /// <summary>Handles one delivery already received (used by tests that reorder or repeat deliveries).</summary>
    public async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        if (message.DeliveryCount > _options.MaxDeliveries)
        {
            await GiveUpAsync(message, $"gave up after {message.DeliveryCount - 1} deliveries", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await handle(message, cancellationToken).ConfigureAwait(false);
            await queue.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RetryLaterException later)
        {
            _logger.LogInformation("{Queue} message {Id}: {Reason}; back in {Delay}", queue.Name, message.Id, later.Message, later.Delay);
            await queue.ReleaseAsync(message, later.Delay, cancellationToken).ConfigureAwait(false);
        }
        catch (MessageRejectedException rejected)
        {
            await GiveUpAsync(message, $"rejected: {rejected.Message}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DeliveryCount >= _options.MaxDeliveries)
            {
                await GiveUpAsync(message, $"failed {message.DeliveryCount} times, last: {error.GetType().Name}: {error.Message}", cancellationToken).ConfigureAwait(false);
                return;
            }

            var delay = _options.RetryDelay * Math.Pow(2, message.DeliveryCount - 1);
            _logger.LogWarning(error, "{Queue} message {Id} failed (delivery {Count}); retry in {Delay}", queue.Name, message.Id, message.DeliveryCount, delay);
            await queue.ReleaseAsync(message, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task GiveUpAsync(QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        _logger.LogError("{Queue} message {Id} dead-lettered: {Reason}", queue.Name, message.Id, reason);
        if (onDeadLetter is not null)
        {
            try
            {
                await onDeadLetter(message, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _logger.LogError(error, "{Queue} message {Id}: could not record the failure for its job", queue.Name, message.Id);
            }
        }

        await queue.DeadLetterAsync(message, reason, cancellationToken).ConfigureAwait(false);
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
                await Task.Delay(_options.RetryDelay, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
