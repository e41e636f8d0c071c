using System.Text.Json;
using Azure.Messaging.ServiceBus;
using MusicMask.Jobs;
using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>
/// Service Bus queues in memory, with the semantics a Functions trigger with auto-complete sees: peek-lock with a
/// delivery count, complete when the trigger returns, abandon when it throws, scheduled enqueue, duplicate detection
/// by MessageId, and the broker's dead-letter queue after <c>maxDeliveryCount</c> unanswered deliveries. Messages
/// are built by the real <see cref="ServiceBusQueueSender.ToMessage"/> and read back through the real
/// <see cref="ServiceBusBindingData"/>, as the functions read them. Time is a manual clock.
/// </summary>
public sealed class InProcessServiceBus(int maxDeliveryCount = 10)
{
    private readonly Dictionary<string, BusQueue> _queues = [];

    public ManualClock Clock { get; } = new();

    public BusQueue Queue(string name)
    {
        lock (_queues)
        {
            return _queues.TryGetValue(name, out var queue) ? queue : _queues[name] = new BusQueue(name, this, maxDeliveryCount);
        }
    }

    public sealed class BusQueue(string name, InProcessServiceBus bus, int maxDeliveryCount) : IBrokerQueue
    {
        private readonly List<Entry> _entries = [];
        private readonly HashSet<string> _seenIds = [];

        public string Name => name;

        public int DuplicatesDropped { get; private set; }

        /// <summary>Sends still to fail, as a busy or unreachable broker fails them.</summary>
        public int FailingSends { get; set; }

        public List<(string Body, string Reason)> BrokerDeadLetters { get; } = [];

        /// <summary>Messages waiting, visible or scheduled, with when they become visible.</summary>
        public IReadOnlyList<(string MessageId, string Body, DateTimeOffset VisibleAt)> Waiting
        {
            get
            {
                lock (_entries)
                {
                    return _entries.Select(e => (e.Message.MessageId, e.Message.Body.ToString(), e.VisibleAt)).ToArray();
                }
            }
        }

        public Task SendAsync(string body, CancellationToken cancellationToken = default) =>
            EnqueueAsync(ServiceBusQueueSender.ToMessage(new OutgoingMessage(StageMessageIds.Of(body), body, DeliveryHistory.First)));

        public Task ScheduleAsync(OutgoingMessage message, DateTimeOffset visibleAt, CancellationToken cancellationToken = default) =>
            EnqueueAsync(ServiceBusQueueSender.ToMessage(message, visibleAt));

        /// <summary>Sends a message with a chosen id, as another sender would.</summary>
        public Task SendWithIdAsync(string body, string messageId) =>
            EnqueueAsync(ServiceBusQueueSender.ToMessage(new OutgoingMessage(messageId, body, DeliveryHistory.First)));

        /// <summary>
        /// Delivers the first visible message to <paramref name="trigger"/> the way the Functions host does; with
        /// <paramref name="loseLock"/> the completion fails as after a lock expiry. False when nothing is visible.
        /// </summary>
        public async Task<bool> DeliverAsync(Func<string, IReadOnlyDictionary<string, object?>, Task> trigger, bool loseLock = false)
        {
            Entry? entry;
            lock (_entries)
            {
                entry = _entries.Where(e => e.VisibleAt <= bus.Clock.GetUtcNow() && !e.Locked).MinBy(e => e.VisibleAt);
                if (entry is null)
                {
                    return false;
                }

                entry.Locked = true;
                entry.DeliveryCount++;
            }

            var completed = false;
            try
            {
                await trigger(entry.Message.Body.ToString(), BindingData(entry));
                completed = !loseLock;
            }
            catch (Exception)
            {
                completed = false;
            }
            finally
            {
                lock (_entries)
                {
                    entry.Locked = false;
                    if (completed)
                    {
                        _entries.Remove(entry);
                    }
                    else if (entry.DeliveryCount >= maxDeliveryCount)
                    {
                        _entries.Remove(entry);
                        BrokerDeadLetters.Add((entry.Message.Body.ToString(), "MaxDeliveryCountExceeded"));
                    }
                }
            }

            return true;
        }

        /// <summary>Delivers until nothing is visible; returns how many deliveries were made.</summary>
        public async Task<int> DrainAsync(Func<string, IReadOnlyDictionary<string, object?>, Task> trigger)
        {
            var count = 0;
            while (await DeliverAsync(trigger))
            {
                count++;
            }

            return count;
        }

        private Task EnqueueAsync(ServiceBusMessage message)
        {
            lock (_entries)
            {
                if (FailingSends > 0)
                {
                    FailingSends--;
                    throw new ServiceBusException("injected: the broker is busy", ServiceBusFailureReason.ServiceBusy);
                }

                if (!_seenIds.Add(message.MessageId))
                {
                    DuplicatesDropped++;
                    return Task.CompletedTask;
                }

                var visibleAt = message.ScheduledEnqueueTime == default ? bus.Clock.GetUtcNow() : message.ScheduledEnqueueTime;
                _entries.Add(new Entry(message, visibleAt));
            }

            return Task.CompletedTask;
        }

        private static Dictionary<string, object?> BindingData(Entry entry) => new()
        {
            ["MessageId"] = entry.Message.MessageId,
            ["DeliveryCount"] = entry.DeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ApplicationProperties"] = JsonSerializer.Serialize(entry.Message.ApplicationProperties),
        };

        private sealed class Entry(ServiceBusMessage message, DateTimeOffset visibleAt)
        {
            public ServiceBusMessage Message { get; } = message;

            public DateTimeOffset VisibleAt { get; } = visibleAt;

            public int DeliveryCount { get; set; }

            public bool Locked { get; set; }
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
