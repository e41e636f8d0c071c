using System.Security.Cryptography;
using System.Text;

namespace MusicMask.Reports;

/// <summary>
/// A report as one self-contained HTML page: style, script and data inline, nothing fetched. The data sits in a
/// JSON script element that the page's script reads and shows through text nodes only, so names are never markup.
/// The Content-Security-Policy allows only this page's own style and script (by hash) and no connection at all.
/// </summary>
public static class ReportPage
{
    private const string DataMarker = "<!--DATA-->";

    public static string Render(ResultReport report, string linkBase)
    {
        var page = Template
            .Replace("{{SCRIPT_HASH}}", Hash(ReportPageScript.Text), StringComparison.Ordinal)
            .Replace("{{STYLE_HASH}}", Hash(ReportPageStyle.Text), StringComparison.Ordinal)
            .Replace("{{STYLE}}", ReportPageStyle.Text, StringComparison.Ordinal)
            .Replace("{{SCRIPT}}", ReportPageScript.Text, StringComparison.Ordinal);
        var data = page.IndexOf(DataMarker, StringComparison.Ordinal);
        // Spliced in last and by position, so nothing in the data is ever taken for a marker.
        return string.Concat(page.AsSpan(0, data), ReportJson.Serialize(report, linkBase), page.AsSpan(data + DataMarker.Length));
    }

    public static byte[] RenderUtf8(ResultReport report, string linkBase) => Encoding.UTF8.GetBytes(Render(report, linkBase));

    /// <summary>A CSP source for an inline element: the SHA-256 of exactly the text between its tags.</summary>
    public static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    private const string Template = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src {{SCRIPT_HASH}}; style-src {{STYLE_HASH}}; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>MusicMask report</title>
        <style>{{STYLE}}</style>
        </head>
        <body>
        <header>
        <h1>MusicMask report</h1>
        <p id="source"></p>
        <dl id="totals">
        <div><dt>Files</dt><dd id="total-files"></dd></div>
        <div><dt>Audio</dt><dd id="total-audio"></dd></div>
        <div><dt>Music</dt><dd id="total-music"></dd></div>
        <div><dt>Failures</dt><dd id="total-failures"></dd></div>
        <div><dt>Truncated</dt><dd id="total-truncated"></dd></div>
        </dl>
        </header>
        <form id="filters" role="search">
        <label>Name contains <input id="name-filter" type="search" autocomplete="off" spellcheck="false"></label>
        <label>Music share <input id="share-min" type="number" min="0" max="100" step="1" value="0" aria-label="lowest music share, percent"> to <input id="share-max" type="number" min="0" max="100" step="1" value="100" aria-label="highest music share, percent"> %</label>
        <label>Status <select id="status-filter"><option value="">any</option><option value="ok">ok</option><option value="truncated">truncated</option><option value="failed">failed</option></select></label>
        </form>
        <p id="count" aria-live="polite"></p>
        <table id="rows">
        <thead><tr>
        <th aria-sort="ascending"><button type="button" data-sort="name">Name</button></th>
        <th><button type="button" data-sort="status">Status</button></th>
        <th class="number"><button type="button" data-sort="duration">Duration</button></th>
        <th class="number"><button type="button" data-sort="share">Music share</button></th>
        <th class="number"><button type="button" data-sort="segments">Music segments</button></th>
        <th>Music over time</th>
        <th>Overlay</th>
        <th>Problem</th>
        </tr></thead>
        <tbody></tbody>
        </table>
        <nav id="pager">
        <button type="button" id="first" aria-label="first page">&laquo;</button>
        <button type="button" id="previous">&lsaquo; previous</button>
        <span id="page"></span>
        <button type="button" id="next">next &rsaquo;</button>
        <button type="button" id="last" aria-label="last page">&raquo;</button>
        <label>Rows per page <select id="page-size"><option>50</option><option selected>100</option><option>250</option><option>1000</option></select></label>
        </nav>
        <noscript><p>This report shows its rows with JavaScript.</p></noscript>
        <script type="application/json" id="report-data"><!--DATA--></script>
        <script>{{SCRIPT}}</script>
        </body>
        </html>

        """;
}
