namespace MusicMask.Reports;

/// <summary>The line at the top of a report: how many files, how much audio and music, how many failed.</summary>
public sealed record ReportTotals(int Files, double AudioSeconds, double MusicSeconds, int Failures, int Truncated)
{
    public static ReportTotals Of(IReadOnlyCollection<ReportRow> rows) => new(
        rows.Count,
        rows.Sum(r => r.DurationSeconds ?? 0),
        rows.Sum(r => r.MusicSeconds ?? 0),
        rows.Count(r => r.Status == ReportStatus.Failed),
        rows.Count(r => r.Status == ReportStatus.Truncated));
}
