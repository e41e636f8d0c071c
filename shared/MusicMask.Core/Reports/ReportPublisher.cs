using MusicMask.Storage;

namespace MusicMask.Reports;

/// <summary>Where the pipeline keeps a report: results/{prefix}report.html, beside the folders its links open.</summary>
public static class ReportPublisher
{
    public const string FileName = "report.html";
    public const string ContentType = "text/html; charset=utf-8";

    public static string BlobName(string prefix) => $"{BlobNames.ResultsContainer}/{CheckedPrefix(prefix)}{FileName}";

    /// <summary>Writes the report for the results under <paramref name="prefix"/> and returns its blob name.</summary>
    public static async Task<string> PublishAsync(IBlobStore blobs, string prefix, byte[] html, CancellationToken cancellationToken = default)
    {
        var name = BlobName(prefix);
        await blobs.WriteAsync(name, html, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>"" or a safe folder path ending in '/': "archive" and "archive/" both give "archive/".</summary>
    public static string CheckedPrefix(string prefix) =>
        prefix.Length == 0 ? "" : $"{BlobNames.Checked(prefix.EndsWith('/') ? prefix[..^1] : prefix)}/";
}
