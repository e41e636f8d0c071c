namespace MusicMask.Reports;

/// <summary>
/// One file of a report. <see cref="Folder"/> is its result folder relative to the report's source, which differs
/// from <see cref="Name"/> when a long name was shortened; <see cref="MusicShares"/> is the share of music in each
/// of <see cref="MusicProfile.Bins"/> equal stretches of the file. <see cref="Problem"/> says why a file failed,
/// or how a truncated one was cut short.
/// </summary>
public sealed record ReportRow(
    string Name,
    string Folder,
    ReportStatus Status,
    double? DurationSeconds = null,
    double? MusicSeconds = null,
    int? MusicSegments = null,
    IReadOnlyList<double>? MusicShares = null,
    bool HasOverlay = false,
    string? Problem = null)
{
    public double? MusicShare => DurationSeconds > 0 ? MusicSeconds / DurationSeconds : null;
}
