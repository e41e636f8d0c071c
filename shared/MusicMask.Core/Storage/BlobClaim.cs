using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicMask.Outputs;

namespace MusicMask.Storage;

/// <summary>
/// Work that one holder at a time may do, claimed with a small blob. A claim is taken by a conditional create, or
/// over a claim older than the timeout (its holder died); it is renewed every third of the timeout by a conditional
/// write over the claim as its holder last left it, so work of hours keeps it; disposing it stops the renewal and
/// releases it by writing it expired, so the next holder need not wait out the timeout. Each claim has an id of
/// its own, so two holders in one process tell theirs apart, and records its holder's timeout, which a taker with
/// a shorter one honours.
/// </summary>
public sealed class BlobClaim : IAsyncDisposable
{
    private readonly IBlobStore _blobs;
    private readonly string _name;
    private readonly string _id;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _released = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;
    private int _disposed;

    private BlobClaim(IBlobStore blobs, string name, string id, TimeSpan timeout, ILogger logger)
    {
        (_blobs, _name, _id, _timeout, _logger) = (blobs, name, id, timeout, logger);
        _renewing = KeepAsync(_released.Token);
    }

    /// <summary>Cancelled once the claim is found to be someone else's (taken over after renewals failed for a whole timeout).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>The claim named <paramref name="name"/>, or null while someone else holds it.</summary>
    public static async Task<BlobClaim?> TryTakeAsync(IBlobStore blobs, string name, TimeSpan timeout, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var claim = Record(id, DateTimeOffset.UtcNow, timeout);
        if (!await blobs.TryCreateAsync(name, claim, cancellationToken).ConfigureAwait(false))
        {
            var existing = await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            var held = existing is null ? null : Parse(existing.Content);
            if (existing is null || (held is not null && DateTimeOffset.UtcNow - held.Time < Max(timeout, held.Timeout)))
            {
                return null;
            }

            if (held?.Time != DateTimeOffset.MinValue)
            {
                (logger ?? NullLogger.Instance).LogWarning("taking over {Claim} from {Holder}", name, held);
            }

            if (!await blobs.TryReplaceAsync(name, claim, existing.ETag, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return new BlobClaim(blobs, name, id, timeout, logger ?? NullLogger.Instance);
    }

    /// <summary>Stops renewing, and releases the claim if it is still this holder's.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _released.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _released.Dispose();
        _lost.Dispose();

        // Not the caller's token: a claim must be released even when its work was cancelled, but not hold up a shutdown.
        using var patience = new CancellationTokenSource(_timeout / 3);
        try
        {
            if (await ReadOwnAsync(patience.Token).ConfigureAwait(false) is { } own)
            {
                await _blobs.TryReplaceAsync(_name, Record(_id, DateTimeOffset.MinValue, _timeout), own.ETag, patience.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            _logger.LogWarning(error, "could not release {Claim}; it expires after {Timeout}", _name, _timeout);
        }
    }

    private async Task KeepAsync(CancellationToken released)
    {
        while (true)
        {
            try
            {
                await Task.Delay(_timeout / 3, released).ConfigureAwait(false);
                if (await ReadOwnAsync(released).ConfigureAwait(false) is not { } own ||
                    !await _blobs.TryReplaceAsync(_name, Record(_id, DateTimeOffset.UtcNow, _timeout), own.ETag, released).ConfigureAwait(false))
                {
                    _logger.LogWarning("{Claim} is no longer this holder's; it stops renewing it", _name);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException) when (released.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "could not renew {Claim} this time", _name);
            }
        }
    }

    private async Task<StoredBlob?> ReadOwnAsync(CancellationToken cancellationToken)
    {
        var held = await _blobs.ReadAsync(_name, cancellationToken).ConfigureAwait(false);
        return held is not null && Parse(held.Content)?.Id == _id ? held : null;
    }

    private static byte[] Record(string id, DateTimeOffset time, TimeSpan timeout) =>
        JsonSerializer.SerializeToUtf8Bytes(new ClaimRecord(Environment.MachineName, Environment.ProcessId, time, id, timeout), JsonOptions.Compact);

    private static TimeSpan Max(TimeSpan timeout, TimeSpan? held) => held > timeout ? held.Value : timeout;

    /// <summary>The claim's record, or null for one that cannot be read, which is then treated as stale.</summary>
    private static ClaimRecord? Parse(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<ClaimRecord>(content, JsonOptions.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ClaimRecord(string Host, int Process, DateTimeOffset Time, string? Id = null, TimeSpan? Timeout = null);
}
