namespace MusicMask.Reports;

/// <summary>What a report page shows: where the results came from, when it was made, and one row per file, by name.</summary>
public sealed record ResultReport(string Source, DateTimeOffset Generated, IReadOnlyList<ReportRow> Rows)
{
    public ReportTotals Totals => ReportTotals.Of(Rows);
}
