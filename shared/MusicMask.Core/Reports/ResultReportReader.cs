using System.Text.Json;
using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Reports;

/// <summary>
/// Builds a report from a result source: per folder the manifest and segments.json of a segmented file (a few
/// kilobytes; the probability map, mask and overlay are never read), or the error record of a failed one.
/// </summary>
public static class ResultReportReader
{
    /// <summary>Reads at once: a blob store answers each read in a round trip, a local disk hardly minds.</summary>
    public const int ConcurrentReads = 16;

    public static async Task<ResultReport> ReadAsync(IResultSource source, CancellationToken cancellationToken = default)
    {
        var entries = new List<ResultFolderEntry>();
        await foreach (var entry in source.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        var rows = new ReportRow[entries.Count];
        await Parallel.ForAsync(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (i, token) => rows[i] = await ReadRowAsync(source, entries[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return new ResultReport(source.Description, DateTimeOffset.UtcNow, rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Folder, StringComparer.Ordinal).ToArray());
    }

    /// <summary>An error record wins over a manifest: both are there only while a failure is being recorded over old results.</summary>
    public static async Task<ReportRow> ReadRowAsync(IResultSource source, ResultFolderEntry entry, CancellationToken cancellationToken = default)
    {
        if (entry.HasError || !entry.HasManifest)
        {
            return Failed(entry.Folder, await ReadErrorAsync(source, entry.Folder, cancellationToken).ConfigureAwait(false));
        }

        var manifest = await ReadJsonAsync<ResultManifest>(source, entry.Folder, ResultFiles.Manifest, cancellationToken).ConfigureAwait(false);
        if (manifest.Value is not { } found)
        {
            return Failed(entry.Folder, $"its {ResultFiles.Manifest} cannot be read: {manifest.Problem}");
        }

        var segments = await ReadJsonAsync<Segment[]>(source, entry.Folder, ResultFiles.SegmentsJson, cancellationToken).ConfigureAwait(false);
        return new ReportRow(
            found.Source.Name,
            entry.Folder,
            found.Truncation is null ? ReportStatus.Ok : ReportStatus.Truncated,
            found.DurationSeconds,
            found.MusicSeconds,
            found.MusicSegments,
            segments.Value is { } spans ? MusicProfile.FromSegments(spans, found.DurationSeconds) : null,
            found.Files.Contains(ResultFiles.Overlay),
            found.Truncation?.Describe());
    }

    private static ReportRow Failed(string folder, string reason) => new(folder, folder, ReportStatus.Failed, Problem: reason);

    private static async Task<string> ReadErrorAsync(IResultSource source, string folder, CancellationToken cancellationToken)
    {
        var error = await ReadJsonAsync<ErrorRecord>(source, folder, ResultFiles.Error, cancellationToken).ConfigureAwait(false);
        return error.Value is { } record ? $"{record.Stage}: {record.Reason}" : $"its {ResultFiles.Error} cannot be read: {error.Problem}";
    }

    private static async Task<(T? Value, string? Problem)> ReadJsonAsync<T>(IResultSource source, string folder, string file, CancellationToken cancellationToken)
        where T : class
    {
        var content = await source.ReadAsync(folder, file, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return (null, "it is gone");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(content, JsonOptions.Indented) is { } value ? (value, null) : (null, "it is null");
        }
        catch (JsonException error)
        {
            return (null, error.Message);
        }
    }
}
