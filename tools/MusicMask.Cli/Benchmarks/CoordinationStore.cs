using System.Collections.Concurrent;
using System.Diagnostics;
using MusicMask.Jobs;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Cli.Benchmarks;

/// <summary>
/// The blob store the coordination benchmark runs on: tiles are made on read instead of stored (a 10-hour job's
/// tiles would be 14 GB), counted in <see cref="SyntheticTileReads"/>; the time of every job's last scores write
/// and of its published result is recorded.
/// </summary>
internal sealed class CoordinationStore(IBlobStore inner) : DelegatingBlobStore(inner)
{
    private readonly ConcurrentDictionary<string, long> _lastScored = new();
    private readonly ConcurrentDictionary<string, long> _published = new();
    private readonly ConcurrentDictionary<string, WindowGrid> _grids = new();
    private long _syntheticTileReads;

    public long SyntheticTileReads => Interlocked.Read(ref _syntheticTileReads);

    public int Published => _published.Count;

    /// <summary>Makes the job's tiles readable: they are cut from its grid on read.</summary>
    public void Register(string jobId, WindowGrid grid) => _grids[jobId] = grid;

    /// <summary>Seconds from each job's last scores write to its result manifest, by job name.</summary>
    public IReadOnlyDictionary<string, double> ResultLatencies(IReadOnlyDictionary<string, string> jobNames) =>
        jobNames.Where(j => _lastScored.ContainsKey(j.Key) && _published.ContainsKey(j.Value))
            .ToDictionary(j => j.Value, j => Stopwatch.GetElapsedTime(_lastScored[j.Key], _published[j.Value]).TotalSeconds);

    public override Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        if (TileOf(name) is not { } tile)
        {
            return base.ReadAsync(name, cancellationToken);
        }

        Interlocked.Increment(ref _syntheticTileReads);
        return Task.FromResult<StoredBlob?>(new StoredBlob(TileCodec.EncodeTile(tile), "\"synthetic\""));
    }

    public override async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var etag = await base.WriteAsync(name, content, cancellationToken).ConfigureAwait(false);
        var parts = name.Split('/');
        if (parts is [BlobNames.WorkContainer, var job, "scores", _])
        {
            _lastScored.AddOrUpdate(job, _ => Stopwatch.GetTimestamp(), (_, _) => Stopwatch.GetTimestamp());
        }
        else if (parts[0] == BlobNames.ResultsContainer && name.EndsWith("/manifest.json", StringComparison.Ordinal))
        {
            _published[name[(BlobNames.ResultsContainer.Length + 1)..^"/manifest.json".Length]] = Stopwatch.GetTimestamp();
        }

        return etag;
    }

    /// <summary>work/{job}/tiles/{i} of a registered job: silence.</summary>
    private SignalTile? TileOf(string name)
    {
        var parts = name.Split('/');
        if (parts is not [BlobNames.WorkContainer, var job, "tiles", var index] || !int.TryParse(index, out var tileIndex) || !_grids.TryGetValue(job, out var grid))
        {
            return null;
        }

        var range = grid.Tile(tileIndex);
        return new SignalTile(range, range.Frames, new float[SignalTile.SamplesFor(range)]);
    }
}
