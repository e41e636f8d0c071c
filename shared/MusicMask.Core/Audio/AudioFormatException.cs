namespace MusicMask.Audio;

/// <summary>The input is not audio this system can decode; the message says exactly why.</summary>
public sealed class AudioFormatException(string message, Exception? inner = null) : Exception(message, inner);
