namespace MusicMask.Messaging;

/// <summary>A message no retry can fix (malformed, unknown schema, impossible range): it goes straight to the poison queue.</summary>
public sealed class MessageRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Not a failure: the message arrived too early and should come back after <see cref="Delay"/>.</summary>
public sealed class RetryLaterException(string message, TimeSpan delay) : Exception(message)
{
    public TimeSpan Delay { get; } = delay;
}
