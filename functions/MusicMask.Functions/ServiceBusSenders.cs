using Azure.Messaging.ServiceBus;
using MusicMask.Messaging;

namespace MusicMask.Functions;

/// <summary>Adapts Service Bus senders to the core's <see cref="IMessageBatchTransport"/>; batching and size limits live in the core.</summary>
public sealed class ServiceBusSenders(ServiceBusClient client)
{
    public BatchingSender For(string queue) => new(new Transport(client.CreateSender(queue)));

    private sealed class Transport(ServiceBusSender sender) : IMessageBatchTransport
    {
        public Task SendBatchAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken) =>
            sender.SendMessagesAsync(bodies.Select(body => new ServiceBusMessage(body) { ContentType = "application/json" }), cancellationToken);
    }
}
