using MusicMask.Storage;

namespace MusicMask.Reports;

/// <summary>
/// The report of the results container, kept in it: results/{prefix}report.html, beside the folders its links open.
/// `musicmask report --storage --publish` and the Functions app both publish through this class.
/// </summary>
public sealed class ReportPublisher(IBlobStore blobs)
{
    public const string FileName = "report.html";

    public static string BlobName(string prefix) => $"{BlobNames.ResultsContainer}/{CheckedPrefix(prefix)}{FileName}";

    /// <summary>Reads the results under <paramref name="prefix"/> and renders their page, its links relative to where it is published.</summary>
    public async Task<RenderedReport> RenderAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var source = new BlobResultSource(blobs, prefix);
        var report = await ResultReportReader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        return new RenderedReport(BlobName(source.Prefix), report, ReportPage.RenderUtf8(report, ""));
    }

    /// <summary>Writes a rendered report to its blob, served as HTML (<see cref="BlobContentTypes"/>).</summary>
    public Task PublishAsync(RenderedReport report, CancellationToken cancellationToken = default) =>
        blobs.WriteAsync(report.BlobName, report.Html, cancellationToken);

    /// <summary>Renders the report of the results under <paramref name="prefix"/> and writes it to results/{prefix}report.html.</summary>
    public async Task<RenderedReport> PublishAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var report = await RenderAsync(prefix, cancellationToken).ConfigureAwait(false);
        await PublishAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>"" or a safe folder path ending in '/': "archive" and "archive/" both give "archive/".</summary>
    public static string CheckedPrefix(string prefix)
    {
        if (PrefixProblem(prefix) is { } problem)
        {
            throw new ArgumentException(problem, nameof(prefix));
        }

        return prefix.Length == 0 || prefix.EndsWith('/') ? prefix : $"{prefix}/";
    }

    /// <summary>Why <paramref name="prefix"/> cannot name a folder of the results container, or null when it can.</summary>
    public static string? PrefixProblem(string prefix)
    {
        if (prefix.Length == 0)
        {
            return null;
        }

        var folder = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        return BlobNames.Problem(folder) is { } problem ? $"the prefix \"{BlobNames.Printable(prefix)}\" is not a folder of the results container: {problem}" : null;
    }
}
