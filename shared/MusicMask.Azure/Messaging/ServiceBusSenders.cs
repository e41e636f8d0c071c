using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace MusicMask.Messaging;

/// <summary>One <see cref="ServiceBusQueueSender"/> per queue for the life of the process, closed with it.</summary>
public sealed class ServiceBusSenders(ServiceBusClient client) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusSender>> _senders = new();

    public ServiceBusQueueSender For(string queue) =>
        new(_senders.GetOrAdd(queue, name => new Lazy<ServiceBusSender>(() => client.CreateSender(name))).Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values.Where(s => s.IsValueCreated))
        {
            await sender.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
