using System.Globalization;
using MusicMask.Browser.Tests.Support;
using MusicMask.Outputs;
using MusicMask.Reports;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace MusicMask.Browser.Tests.Reports;

/// <summary>A 10,000-file report in headless Chromium: how fast it is ready, sorting, filtering, hostile names, links.</summary>
public partial class ReportPageBrowserTests(LargeReport report, ITestOutputHelper output) : IClassFixture<LargeReport>
{
    private const int PageSize = 100;

    [BrowserFact]
    public void TenThousandRowsShowTheirFirstPageAndMarkItReady()
    {
        var tab = ReportTab.Open(report.Browser, report.ReportFile);

        // The time is printed for the README's figure, not asserted: on two shared cores a bound would measure the load.
        var ready = tab.ReadyMilliseconds;
        output.WriteLine($"{LargeReport.Files} files: read in {report.ReadTime.TotalSeconds:F2} s, {report.HtmlBytes / 1024.0 / 1024.0:F2} MB of HTML, ready {ready:F0} ms after navigation started");
        Assert.True(ready > 0, "the page never marked itself ready");
        Assert.Equal(LargeReport.Files, tab.Matching);
        Assert.Equal(PageSize, tab.Rows().Count);
        Assert.Equal(LargeReport.Files.ToString("N0", CultureInfo.InvariantCulture), (string)tab.Script("return document.getElementById('total-files').textContent")!);
    }

    [BrowserFact]
    public void SortingByAHeaderOrdersEveryRowByThatColumnAndAgainReversesIt()
    {
        var tab = ReportTab.Open(report.Browser, report.ReportFile);
        tab.SortBy("share");
        var highest = Shares(tab.Rows());
        tab.SortBy("share");
        var lowest = tab.Rows();
        tab.SortBy("duration");

        Assert.Equal(highest.OrderDescending(), highest);
        Assert.Equal(report.Report.Rows.Max(ShownShare)!.Value, highest[0], 0.1);
        Assert.All(lowest.Take(report.Report.Totals.Failures), row => Assert.Equal("failed", row[1]));
        var durations = tab.Rows().Select(r => TimeSpan.ParseExact(r[2], [@"h\:mm\:ss", @"m\:ss"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(durations.OrderDescending(), durations);
        Assert.Equal(TimeSpan.FromSeconds(Math.Round(report.Report.Rows.Max(r => r.DurationSeconds ?? 0))), durations[0]);
    }

    [BrowserFact]
    public void FilteringByNameMusicShareAndStatusShowsExactlyTheMatchingFiles()
    {
        var tab = ReportTab.Open(report.Browser, report.ReportFile);
        var rows = report.Report.Rows;

        tab.Type("name-filter", "SITE-07/day 3");
        var byName = rows.Count(r => r.Name.Contains("site-07/day 3", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(byName, tab.Matching);
        Assert.All(tab.Rows(), row => Assert.Contains("site-07/day 3", row[0]));

        tab.Type("name-filter", "");
        tab.Type("share-min", "40");
        tab.Type("share-max", "60");
        Assert.Equal(rows.Count(r => ShownShare(r) is >= 40 and <= 60), tab.Matching);
        Assert.All(Shares(tab.Rows()), share => Assert.InRange(share, 40, 60));

        tab.Type("share-min", "0");
        tab.Type("share-max", "100");
        tab.ChooseStatus("failed");
        Assert.Equal(report.Report.Totals.Failures, tab.Matching);
        Assert.All(tab.Rows(), row => Assert.Equal("failed", row[1]));
        Assert.Contains(tab.Rows(), row => row[0] == "broken.wav" && row[7].StartsWith("decode: ", StringComparison.Ordinal));

        tab.ChooseStatus("truncated");
        Assert.Equal(report.Report.Totals.Truncated, tab.Matching);
    }

    [BrowserFact]
    public void AFileNamedLikeAScriptIsShownAsTextAndRunsNothing()
    {
        var tab = ReportTab.Open(report.Browser, report.ReportFile);

        tab.Type("name-filter", "<script>");
        var row = Assert.Single(tab.Rows());
        tab.Type("name-filter", "<img");
        var markup = Assert.Single(tab.Rows());

        Assert.Equal(LargeReport.ScriptName, row[0]);
        Assert.Equal(LargeReport.MarkupName, markup[0]);
        Assert.Equal(0L, tab.Script("return window.__alerts.length"));
        Assert.Throws<NoAlertPresentException>(() => report.Browser.SwitchTo().Alert());
        Assert.Equal(2L, tab.Script("return document.scripts.length"));
        Assert.Equal(0L, tab.Script("return document.querySelectorAll('#rows img, #rows script, #rows iframe, #rows [onerror]').length"));
        Assert.Equal(true, tab.Script("return [...document.querySelectorAll('#rows td.name')].every(td => td.childNodes.length === 1 && td.firstChild.nodeType === Node.TEXT_NODE)"));
    }

    [BrowserTheory]
    [InlineData(LargeReport.ScriptName)]
    [InlineData(LargeReport.AwkwardName)]
    public void AnOverlayLinkOpensThatFilesOverlay(string name)
    {
        var tab = ReportTab.Open(report.Browser, report.ReportFile);
        tab.Type("name-filter", name);
        var expected = Path.Combine(new ResultFolders(report.Results).FolderFor(name), ResultFiles.Overlay);

        report.Browser.FindElement(By.CssSelector("#rows tbody a.overlay")).Click();
        new WebDriverWait(report.Browser, TimeSpan.FromSeconds(10)).Until(browser => browser.Url.EndsWith("overlay.png", StringComparison.Ordinal));

        Assert.Equal(expected, new Uri(report.Browser.Url).LocalPath);
        Assert.True(File.Exists(expected));
        Assert.Equal((long)OverlayRenderer.Width, tab.Script("return document.images[0].naturalWidth"));
    }

    private static double[] Shares(IEnumerable<string[]> rows) =>
        rows.Where(r => r[3] != "").Select(r => double.Parse(r[3].TrimEnd('%', ' '), CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The share as the page compares it: from the two-decimal figures in its data, to a tenth of a percent.</summary>
    private static double? ShownShare(ReportRow row) => row.DurationSeconds is > 0 && row.MusicSeconds is { } music
        ? Math.Round(Math.Round(music, 2) / Math.Round(row.DurationSeconds.Value, 2) * 1000, MidpointRounding.AwayFromZero) / 10
        : null;
}
