using Azure.Messaging.ServiceBus;
using MusicMask.Jobs;

namespace MusicMask.Messaging;

/// <summary>
/// A stage's sends and scheduled retries on one Service Bus queue. Every message gets its deterministic id
/// (<see cref="StageMessageIds"/>); a retried copy carries its history in application properties. Thread-safe,
/// as the <see cref="ServiceBusSender"/> beneath it.
/// </summary>
public sealed class ServiceBusQueueSender(ServiceBusSender sender) : IBrokerQueue
{
    public Task SendAsync(string body, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(ToMessage(new OutgoingMessage(StageMessageIds.Of(body), body, DeliveryHistory.First)), cancellationToken);

    public Task ScheduleAsync(OutgoingMessage message, DateTimeOffset visibleAt, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(ToMessage(message, visibleAt), cancellationToken);

    /// <summary>The Service Bus message for <paramref name="message"/>; scheduled when <paramref name="visibleAt"/> is given.</summary>
    public static ServiceBusMessage ToMessage(OutgoingMessage message, DateTimeOffset? visibleAt = null)
    {
        var result = new ServiceBusMessage(message.Body) { MessageId = message.MessageId, ContentType = "application/json" };
        if (message.History != DeliveryHistory.First)
        {
            foreach (var (key, value) in DeliveryProperties.Of(message.History))
            {
                result.ApplicationProperties[key] = value;
            }
        }

        if (visibleAt is { } at)
        {
            result.ScheduledEnqueueTime = at;
        }

        return result;
    }
}
