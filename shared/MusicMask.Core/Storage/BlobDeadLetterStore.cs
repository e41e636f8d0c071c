using System.Text.Json;
using MusicMask.Messaging;
using MusicMask.Outputs;

namespace MusicMask.Storage;

/// <summary>Dead letters as blobs, work/dead-letters/{queue}/{message id}.json: for brokers whose trigger cannot dead-letter a message itself.</summary>
public sealed class BlobDeadLetterStore(IBlobStore blobs) : IDeadLetterStore
{
    public Task KeepAsync(DeadLetter letter, string messageId, CancellationToken cancellationToken = default) =>
        blobs.WriteAsync(BlobNames.DeadLetter(letter.Queue, messageId), JsonSerializer.SerializeToUtf8Bytes(letter, JsonOptions.Indented), cancellationToken);
}
