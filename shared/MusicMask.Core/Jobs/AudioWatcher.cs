using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Jobs;

/// <summary>
/// The local stand-in for Event Grid's BlobCreated: scans the audio container and sends one IngestRequest per
/// upload (name + ETag) it has no receipt for. The receipt is written after the send, so a crash in between means a
/// repeated request (which ingest ignores), never a missed upload; a restart picks up whatever arrived meanwhile.
/// An upload whose name cannot be used (unsafe, or one the storage service fails to list) ends as a failed job
/// with an error record under results/.rejected-names/, and scanning goes on.
/// </summary>
public sealed class AudioWatcher(IBlobStore blobs, IMessageSender ingest, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly JobStore _jobs = new(blobs);

    /// <summary>Sends requests for new uploads; returns how many.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        var receiptPrefix = BlobNames.Receipt("");
        await foreach (var receipt in blobs.ListAsync(receiptPrefix, cancellationToken).ConfigureAwait(false))
        {
            receipts.Add(receipt.Name[receiptPrefix.Length..]);
        }

        var sent = 0;
        var audioPrefix = BlobNames.AudioContainer + "/";
        await foreach (var audio in blobs.ListAsync(audioPrefix, cancellationToken).ConfigureAwait(false))
        {
            var name = audio.Name[audioPrefix.Length..];
            var receipt = JobIds.For(BlobNames.AudioContainer, name, audio.ETag);
            if (receipts.Contains(receipt))
            {
                continue;
            }

            if ((BlobNames.Problem(name) ?? audio.Problem) is { } problem)
            {
                var reason = $"the blob name cannot be processed: {problem}; rename the blob";
                await _jobs.RecordRejectedNameAsync(BlobNames.AudioContainer, name, audio.ETag, reason, cancellationToken).ConfigureAwait(false);
                await blobs.WriteAsync(BlobNames.Receipt(receipt), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("upload {Name} skipped: {Reason}", BlobNames.Printable(name), reason);
                continue;
            }

            await ingest.SendAsync(MessageCodec.Encode(IngestRequest.For(BlobNames.AudioContainer, name, audio.ETag)), cancellationToken).ConfigureAwait(false);
            await blobs.WriteAsync(BlobNames.Receipt(receipt), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("new upload {Name} ({ETag}): ingest requested", name, audio.ETag);
            sent++;
        }

        return sent;
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await ScanAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(error, "scanning {Container} failed; trying again", BlobNames.AudioContainer);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
