namespace MusicMask.Storage;

/// <summary>What was given as the storage to use is neither a connection string nor a blob endpoint URL.</summary>
public sealed class StorageConnectionFormatException(string message, Exception? innerException = null)
    : FormatException(message, innerException);
