namespace MusicMask.Outputs;

/// <summary>A result cannot go where it belongs without touching something this tool did not write.</summary>
public sealed class ResultConflictException(string message) : IOException(message);
