using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A queue whose sends fail for every message that mentions what <paramref name="poison"/> names: a fault that outlasts every retry.</summary>
public sealed class FailingSendQueue(IMessageQueue inner, Func<string?> poison) : DelegatingQueue(inner)
{
    public override Task SendAsync(string body, CancellationToken cancellationToken = default) =>
        poison() is { } marker && body.Contains(marker, StringComparison.Ordinal)
            ? throw new IOException($"injected failure sending to {Name}")
            : Inner.SendAsync(body, cancellationToken);
}
