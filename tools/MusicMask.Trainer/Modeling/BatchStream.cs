using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace MusicMask.Training.Modeling;

/// <summary>
/// Batches made on a thread of their own, a few ahead of the training loop, from one seeded random stream. A batch
/// that cannot be made ends the stream, and the loop's next <see cref="Take"/> throws that error rather than waiting.
/// </summary>
internal sealed class BatchStream<T> : IDisposable
{
    private const int Ahead = 4;
    private readonly BlockingCollection<T> _batches = new(boundedCapacity: Ahead);
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public BatchStream(Func<Random, T> make, int seed, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Run(() =>
        {
            try
            {
                var random = new Random(seed);
                while (!_stop.Token.IsCancellationRequested)
                {
                    _batches.Add(make(random), _stop.Token);
                }
            }
            finally
            {
                _batches.CompleteAdding();
            }
        });
    }

    public T Take()
    {
        if (_batches.TryTake(out var batch, Timeout.Infinite, _stop.Token))
        {
            return batch;
        }

        if (_producer.Exception is { } error)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }

        throw new OperationCanceledException("the batch stream has stopped");
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
        }

        _batches.Dispose();
        _stop.Dispose();
    }
}
