using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A queue that sends every message twice: at-least-once delivery at its worst.</summary>
public sealed class DuplicatingQueue(IMessageQueue inner) : DelegatingQueue(inner)
{
    public override async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        await Inner.SendAsync(body, cancellationToken);
        await Inner.SendAsync(body, cancellationToken);
    }
}
