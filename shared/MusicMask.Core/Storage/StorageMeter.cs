using System.Collections.Concurrent;

namespace MusicMask.Storage;

/// <summary>Counts storage transactions and bytes per category (what sets the cloud bill). Thread-safe.</summary>
public sealed class StorageMeter
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new();

    public void Record(string category, string operation, long bytesWritten = 0, long bytesRead = 0)
    {
        var counter = _counters.GetOrAdd($"{category}\t{operation}", _ => new Counter());
        Interlocked.Increment(ref counter.Operations);
        Interlocked.Add(ref counter.BytesWritten, bytesWritten);
        Interlocked.Add(ref counter.BytesRead, bytesRead);
    }

    /// <summary>(category, operation, operations, bytes written, bytes read), sorted.</summary>
    public IReadOnlyList<(string Category, string Operation, long Operations, long BytesWritten, long BytesRead)> Snapshot() =>
        _counters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p =>
            {
                var parts = p.Key.Split('\t');
                return (parts[0], parts[1], p.Value.Operations, p.Value.BytesWritten, p.Value.BytesRead);
            })
            .ToList();

    /// <summary>
    /// The kind of blob a name is: work/{job}/tiles/… -> "tiles", work/results-claims/… -> "results-claims",
    /// results/… -> "results", a queue -> its name.
    /// </summary>
    public static string CategoryOf(string name)
    {
        var parts = name.Split('/');
        return parts[0] switch
        {
            BlobNames.WorkContainer when parts.Length > 2 && parts[1] is BlobNames.ResultsClaimsFolder or BlobNames.DeadLettersFolder or BlobNames.ReceiptsFolder => parts[1],
            BlobNames.WorkContainer when parts.Length > 2 => parts[2] is "tiles" or "scores" or "stitches" ? parts[2] : Path.GetFileNameWithoutExtension(parts[2]),
            BlobNames.WorkContainer => "work",
            _ => parts[0],
        };
    }

    private sealed class Counter
    {
        public long Operations;
        public long BytesWritten;
        public long BytesRead;
    }
}
