using MusicMask.Reports;

namespace MusicMask.Tests.Reports;

public class ReportLinksTests
{
    [Theory]
    [InlineData("/data/out/report.html", "/data/out", "")]
    [InlineData("/data/report.html", "/data/out", "out/")]
    [InlineData("/data/reports/today.html", "/data/my results", "../my%20results/")]
    public void TheBaseLeadsFromTheReportsFolderToTheResults(string report, string results, string expected)
    {
        Assert.Equal(expected, ReportLinks.BaseFor(report, results));
    }

    [Theory]
    [InlineData("a b/c#1?.wav", "a%20b/c%231%3F.wav")]
    [InlineData("javascript:alert(1)", "javascript%3Aalert%281%29")]
    [InlineData("100%.wav", "100%25.wav")]
    [InlineData("é.wav", "%C3%A9.wav")]
    public void EverySegmentIsPercentEncodedSoNoNameBecomesAQueryFragmentOrScheme(string folder, string expected)
    {
        Assert.Equal(expected, ReportLinks.EncodePath(folder));
    }
}
