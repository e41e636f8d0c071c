namespace MusicMask.Reports;

/// <summary>The report page's style sheet.</summary>
internal static class ReportPageStyle
{
    public const string Text = """

        :root { --music: 214, 92, 0; --line: #d8d8d8; --muted: #666; font-family: system-ui, sans-serif; font-size: 14px; color: #1c1c1c; }
        body { margin: 1.5rem; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        #source { color: var(--muted); margin: 0 0 1rem; overflow-wrap: anywhere; }
        #totals { display: flex; gap: 2rem; margin: 0 0 1rem; }
        #totals div { min-width: 6rem; }
        #totals dt { color: var(--muted); font-size: .85rem; }
        #totals dd { margin: 0; font-size: 1.3rem; font-variant-numeric: tabular-nums; }
        #filters { display: flex; flex-wrap: wrap; gap: 1.25rem; align-items: center; margin-bottom: .5rem; }
        #filters input[type=number] { width: 4rem; }
        #count { color: var(--muted); margin: .25rem 0; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: middle; }
        th { background: #f4f4f4; position: sticky; top: 0; }
        th button { all: unset; cursor: pointer; font-weight: 600; }
        th[aria-sort=ascending] button::after { content: " \25B2"; }
        th[aria-sort=descending] button::after { content: " \25BC"; }
        th:nth-child(1) { width: 28%; }
        th:nth-child(2) { width: 6rem; }
        th:nth-child(3), th:nth-child(4), th:nth-child(5) { width: 7rem; }
        th:nth-child(6) { width: 130px; }
        th:nth-child(7) { width: 5rem; }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        td.name { overflow-wrap: anywhere; }
        td.problem { color: #8a1c1c; overflow-wrap: anywhere; }
        tr.failed td.status { color: #8a1c1c; font-weight: 600; }
        tr.truncated td.status { color: #8a5a00; }
        canvas.profile { width: 120px; height: 14px; image-rendering: pixelated; display: block; border: 1px solid var(--line); }
        #pager { display: flex; gap: .5rem; align-items: center; margin-top: .75rem; }
        #pager label { margin-left: 1rem; }

        """;
}
