using System.Text.Json;
using System.Text.RegularExpressions;
using MusicMask.Reports;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Reports;

/// <summary>Names are data: whatever a file is called, the page shows it as text and it cannot end the data block.</summary>
public partial class ReportPageTests
{
    private static readonly string[] HostileNames =
    [
        "<script>alert(1)</script>.wav",
        "</script><script>alert(2)</script>.wav",
        "<!--<script>.wav",
        "\"><img src=x onerror=alert(3)>.wav",
        "a &amp; b &lt;.wav",
        "line\u2028separator\u2029.wav",
        "javascript:alert(4)",
        "{{SCRIPT}}<!--DATA-->.wav",
    ];

    [Fact]
    public void HostileNamesStayInsideTheDataBlockAndComeBackUnchanged()
    {
        var page = ReportPage.Render(ReportOf(HostileNames), "");

        Assert.Equal(2, ScriptTag().Matches(page).Count);
        var data = ReportData.Block(page);
        Assert.DoesNotContain('<', data);
        Assert.DoesNotContain('>', data);
        Assert.DoesNotContain('&', data);
        using var json = JsonDocument.Parse(data);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(HostileNames, rows.Select(r => r[0].GetString()));
        Assert.Equal(HostileNames, rows.Select(r => r[7].GetString()));
        Assert.Equal("javascript%3Aalert%284%29", rows[6][1].GetString());
        Assert.DoesNotContain("<img", page);
    }

    [Fact]
    public void ALoneSurrogateInANameBecomesAReplacementCharacter()
    {
        var data = ReportData.Block(ReportPage.Render(ReportOf(["bad\ud800.wav"]), ""));

        using var json = JsonDocument.Parse(data);
        Assert.Equal("bad\ufffd.wav", json.RootElement.GetProperty("rows")[0][0].GetString());
    }

    [Fact]
    public void ThePolicyAllowsExactlyThePagesOwnScriptAndStyleAndNoConnection()
    {
        var page = ReportPage.Render(ReportOf(["a.wav"]), "");

        var policy = Regex.Match(page, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value;
        var script = Regex.Match(page, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(page, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal($"default-src 'none'; script-src {ReportPage.Hash(script)}; style-src {ReportPage.Hash(style)}; img-src data:", policy);
    }

    [Fact]
    public void TheDataHoldsTotalsTheLinkBaseAndOneArrayPerRow()
    {
        var report = new ResultReport("results/", DateTimeOffset.UnixEpoch,
        [
            new ReportRow("a.wav", "a.wav", ReportStatus.Ok, 10, 2.5, 1, [0.5, 0], HasOverlay: true),
            new ReportRow("b.wav", "b.wav", ReportStatus.Failed, Problem: "decode: not audio"),
        ]);

        var root = ReportData.Of(ReportPage.Render(report, "../out/"));
        Assert.Equal("../out/", root.GetProperty("link_base").GetString());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("files").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("failures").GetInt32());
        Assert.Equal("""["a.wav","a.wav","ok",10,2.5,1,"50",null]""", root.GetProperty("rows")[0].GetRawText());
        Assert.Equal("""["b.wav",null,"failed",null,null,null,null,"decode: not audio"]""", root.GetProperty("rows")[1].GetRawText());
    }

    private static ResultReport ReportOf(IEnumerable<string> names) => new(
        "results/", DateTimeOffset.UnixEpoch, names.Select(n => new ReportRow(n, n, ReportStatus.Ok, 1, 0, 0, [0.0], HasOverlay: true, Problem: n)).ToArray());

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
