namespace MusicMask.Reports;

/// <summary>
/// Relative links from a report to the files of its result folders, so that the page works wherever the report and
/// its results are copied together, on a disk or in the results container.
/// </summary>
public static class ReportLinks
{
    /// <summary>"" when the report lies in the results root, else the way there from the report's folder, ending in '/'.</summary>
    public static string BaseFor(string reportFile, string resultsRoot)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(reportFile))!, Path.GetFullPath(resultsRoot));
        return relative == "." ? "" : $"{EncodePath(relative.Replace(Path.DirectorySeparatorChar, '/'))}/";
    }

    /// <summary>
    /// A '/'-separated path as a relative URL: every segment percent-encoded, so '#', '?', '%' and ':' in a name
    /// stay part of the path and a name like "javascript:x" cannot become a scheme.
    /// </summary>
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(s => s == ".." ? s : Uri.EscapeDataString(s)));
}
