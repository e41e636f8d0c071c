namespace MusicMask.Reports;

/// <summary>How a file's run ended, as a report shows it.</summary>
public enum ReportStatus
{
    /// <summary>Segmented in full.</summary>
    Ok,

    /// <summary>Segmented as far as the file decoded: it ended before the length its container declared.</summary>
    Truncated,

    /// <summary>No results: the folder holds an error record (or a manifest that cannot be read).</summary>
    Failed,
}
