using System.Net;
using Azure.Storage.Sas;
using MusicMask.Browser.Tests.Support;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Reports;
using MusicMask.Storage;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace MusicMask.Browser.Tests.Reports;

/// <summary>A report opened with a shared access signature in its address passes it on to the overlays it links to.</summary>
public partial class ReportPageBrowserTests
{
    private const string Signature = "?sv=2025-11-05&sr=c&sp=r&sig=a%2Bb%2Fc%3D";

    [BrowserFact]
    public void OverlayLinksCarryThePagesQueryStringOnlyWhenItHasOne()
    {
        var plain = ReportTab.Open(report.Browser, report.ReportFile);
        plain.Type("name-filter", LargeReport.AwkwardName);
        var bare = Assert.Single(plain.OverlayLinks());

        var signed = ReportTab.Open(report.Browser, report.ReportFile, Signature);
        signed.Type("name-filter", LargeReport.AwkwardName);

        Assert.EndsWith("/overlay.png", bare, StringComparison.Ordinal);
        Assert.DoesNotContain("?", bare, StringComparison.Ordinal);
        Assert.Equal(bare + Signature, Assert.Single(signed.OverlayLinks()));
        signed.Type("name-filter", "");
        Assert.All(signed.OverlayLinks(), link => Assert.EndsWith("/overlay.png" + Signature, link, StringComparison.Ordinal));
        Assert.Equal(0L, signed.Script("return window.__alerts.length"));
    }

    [BrowserFact]
    public async Task AReportInAPrivateContainerOpenedWithAContainerSasOpensItsOverlaysWithTheSameSas()
    {
        await using var azurite = await Azurite.StartAsync();
        var connection = StorageConnection.Create(azurite.ConnectionString);
        var blobs = connection.CreateBlobStore();
        foreach (var name in LargeReport.RealNames.Append("broken.wav"))
        {
            var folder = new ResultFolders(report.Results).FolderFor(name);
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                await blobs.WriteAsync($"{BlobNames.ResultsContainer}/archive/{name}/{Path.GetFileName(file)}", await File.ReadAllBytesAsync(file));
            }
        }

        var published = await new ReportPublisher(blobs).PublishAsync("archive");
        var container = connection.Blobs.GetBlobContainerClient(BlobNames.ResultsContainer);
        var sas = container.GenerateSasUri(BlobContainerSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1)).Query;
        var page = $"{container.Uri}/archive/{ReportPublisher.FileName}";
        using var http = new HttpClient();
        using var refused = await http.GetAsync(page);

        var tab = ReportTab.OpenAddress(report.Browser, page + sas);
        tab.Type("name-filter", LargeReport.ScriptName);
        var overlay = new Uri(new Uri(page), Assert.Single(tab.OverlayLinks()));
        using var withSas = await http.GetAsync(overlay);
        using var withoutSas = await http.GetAsync(overlay.GetLeftPart(UriPartial.Path));
        report.Browser.FindElement(By.CssSelector("#rows tbody a.overlay")).Click();
        new WebDriverWait(report.Browser, TimeSpan.FromSeconds(10)).Until(browser => browser.Url.Contains("overlay.png", StringComparison.Ordinal));

        Assert.Equal(4, published.Report.Totals.Files);
        output.WriteLine($"without the SAS Azurite answers the page {(int)refused.StatusCode} and the overlay {(int)withoutSas.StatusCode}");
        Assert.False(refused.IsSuccessStatusCode);
        Assert.False(withoutSas.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, withSas.StatusCode);
        Assert.Equal("image/png", withSas.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(new ResultFolders(report.Results).FolderFor(LargeReport.ScriptName), ResultFiles.Overlay)), await withSas.Content.ReadAsByteArrayAsync());
        Assert.Equal(overlay.AbsoluteUri, report.Browser.Url);
        Assert.Equal((long)OverlayRenderer.Width, tab.Script("return document.images[0].naturalWidth"));
    }
}
