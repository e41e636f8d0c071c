using System.Xml;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MusicMask.Storage;

/// <summary>
/// Finds the name of a blob that makes a listing fail. Azurite answers 500 with an empty body for a listing page
/// holding a name with a control character (Azure itself returns such names encoded). Where continuation markers
/// are blob names, as in Azurite, a one-blob page after marker m fails exactly while m sorts before the bad name,
/// so the name is rebuilt character by character with a binary search over markers, and listing goes on after it.
/// Where markers are opaque (Azure), probing fails and the original error stands.
/// </summary>
internal sealed class UnlistableNames(BlobContainerClient container, string prefix)
{
    /// <summary>Stands for the part of an unlistable name that could not be learnt.</summary>
    public const char Unknown = '\uFFFD';

    public BlobContainerClient Container => container;

    private const int MaxNameLength = BlobNames.MaxLength;

    /// <summary>The highest character a marker can carry through a URL (U+FFFE and U+FFFF are not characters).</summary>
    private const char Highest = '\uFFFD';

    public static async Task<Page<BlobItem>> PageAsync(BlobContainerClient container, string prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        await foreach (var page in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).AsPages(marker, pageSize).ConfigureAwait(false))
        {
            return page;
        }

        throw new InvalidOperationException("a listing returned no page");
    }

    public static bool IsServerFailure(Exception error) =>
        error is XmlException || error is RequestFailedException { Status: >= 500 };

    /// <summary>
    /// What can be learnt of the first name after <paramref name="marker"/> when it is the one the service cannot
    /// list: how it starts, and a marker just past it to list on from; null when the page after the marker lists.
    /// Markers that hold control characters do not reach Azurite intact, so the search stops at the first character
    /// it cannot place, and the name is known up to it.
    /// </summary>
    public async Task<(string KnownStart, string NextMarker)?> FindAfterAsync(string marker, CancellationToken cancellationToken)
    {
        try
        {
            if (!await ProbeFailsAsync(marker, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var name = prefix;
            while (name.Length < MaxNameLength)
            {
                // Smallest next character c with the page after name+c listing fine: name+c sorts at or after the bad name.
                var (low, high) = (0, Characters);
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    if (await FailsAfterAsync(name + Character(middle), marker, cancellationToken).ConfigureAwait(false))
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                if (low is 0 or Characters)
                {
                    return null;
                }

                // The bad name goes on after name+(c-1) when a marker just below name+c already lists past it.
                var shorter = name + Character(low - 1);
                if (low - 1 < ' ' || await FailsAfterAsync(shorter + Highest, marker, cancellationToken).ConfigureAwait(false))
                {
                    return (name, name + Character(low));
                }

                name = shorter;
            }

            return null;
        }
        catch (RequestFailedException error) when (error.Status is >= 400 and < 500)
        {
            return null;
        }
    }

    /// <summary>
    /// Every character a marker can carry, in the order the service compares names (UTF-16 code units): U+0000-U+D7FF,
    /// then the supplementary planes as surrogate pairs, then U+E000-U+FFFD. Lone surrogates never reach the service
    /// intact, so the search never offers one.
    /// </summary>
    private const int Characters = 0xD800 + 0x100000 + (Highest - 0xE000 + 1);

    private static string Character(int index) => index switch
    {
        < 0xD800 => ((char)index).ToString(),
        < 0xD800 + 0x100000 => char.ConvertFromUtf32(0x10000 + index - 0xD800),
        _ => ((char)(0xE000 + index - 0xD800 - 0x100000)).ToString(),
    };

    /// <summary>Whether the page after <paramref name="candidate"/> fails, taking every candidate up to the known failing <paramref name="start"/> as failing: the names before it listed fine.</summary>
    private Task<bool> FailsAfterAsync(string candidate, string start, CancellationToken cancellationToken) =>
        string.CompareOrdinal(candidate, start) <= 0 ? Task.FromResult(true) : ProbeFailsAsync(candidate, cancellationToken);

    private async Task<bool> ProbeFailsAsync(string marker, CancellationToken cancellationToken)
    {
        try
        {
            await PageAsync(container, prefix, marker, 1, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (Exception error) when (IsServerFailure(error))
        {
            return true;
        }
    }
}
