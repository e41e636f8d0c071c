using System.CommandLine;
using MusicMask.Cli.Commands;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Reports;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Commands;

/// <summary>`musicmask report` over results that `segment` wrote, on a disk and in the results container.</summary>
public class ReportCommandTests
{
    private static Task<int> Report(params string[] args) => new RootCommand { ReportCommand.Create() }.Parse(["report", .. args]).InvokeAsync();

    private static int Segment(params string[] args) =>
        new RootCommand { SegmentCommand.Create() }.Parse(["segment", .. args, "--model", TestModels.RandomModel(), "--threads", "1"]).Invoke();

    [Fact]
    public async Task AResultsFolderBecomesOnePageWhoseLinksLeadFromWhereItIsToTheOverlays()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a.wav", 3);
        TestAudio.Write(temp.File("rec"), "sub/b c.wav", 2, seed: 2);
        File.WriteAllText(temp.File("rec/broken.wav"), "not audio");
        Assert.Equal(1, Segment(temp.File("rec"), "-o", temp.File("out")));

        Assert.Equal(0, await Report(temp.File("out"), "-o", temp.File("reports/today.html")));

        var html = File.ReadAllText(temp.File("reports/today.html"));
        Assert.Equal(["a.wav", "broken.wav", "sub/b c.wav"], ReportData.Names(html));
        var data = ReportData.Of(html);
        Assert.Equal("../out/", data.GetProperty("link_base").GetString());
        Assert.Equal("sub/b%20c.wav", data.GetProperty("rows")[2][1].GetString());
        Assert.True(File.Exists(temp.File("reports/../out/sub/b c.wav/overlay.png")));
        Assert.Equal(1, data.GetProperty("totals").GetProperty("failures").GetInt32());
        Assert.Equal(5, data.GetProperty("totals").GetProperty("audio_seconds").GetDouble(), 1);
    }

    [Theory]
    [InlineData("missing", "-o", "r.html")]
    [InlineData("out")]
    [InlineData("out", "-o", "r.html", "--publish")]
    [InlineData("out", "-o", "r.html", "--storage", "UseDevelopmentStorage=true")]
    [InlineData("out", "-o", "out")]
    [InlineData("--storage", "UseDevelopmentStorage=true")]
    public async Task WhatCannotMakeAReportIsRefusedBeforeAnythingIsRead(params string[] args)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("out"));

        var code = await Report(args.Select(a => a is "missing" or "out" or "r.html" ? temp.File(a) : a).ToArray());

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.File("r.html")));
    }

    [Fact]
    public async Task PublishedIntoTheResultsContainerItCoversItsPrefixAndIsServedAsHtml()
    {
        using var temp = new TempDirectory();
        TestAudio.Write(temp.File("rec"), "a.wav", 3);
        TestAudio.Write(temp.File("rec"), "<b>.wav", 2, seed: 2);
        Assert.Equal(0, Segment(temp.File("rec"), "-o", temp.File("out")));
        await using var azurite = await Azurite.StartAsync();
        var clients = StorageConnection.Create(azurite.ConnectionString);
        var blobs = clients.CreateBlobStore();
        foreach (var file in Directory.EnumerateFiles(temp.File("out"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(temp.File("out"), file).Replace(Path.DirectorySeparatorChar, '/');
            await blobs.WriteAsync($"{BlobNames.ResultsContainer}/archive/{relative}", await File.ReadAllBytesAsync(file));
        }

        var error = new ErrorRecord("audio/archive/c.wav", "ingest", "not audio", DateTimeOffset.UnixEpoch);
        await blobs.WriteAsync(BlobNames.Result("archive/c.wav", ResultFiles.Error), ResultFiles.Serialize(error));
        await blobs.WriteAsync(BlobNames.Result("elsewhere/d.wav", ResultFiles.Error), ResultFiles.Serialize(error));

        Assert.Equal(0, await Report("--storage", azurite.ConnectionString, "--prefix", "archive", "--publish", "-o", temp.File("copy.html")));

        var published = await blobs.ReadAsync(ReportPublisher.BlobName("archive/"));
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("copy.html")), published!.Content);
        var html = System.Text.Encoding.UTF8.GetString(published.Content);
        Assert.Equal(["<b>.wav", "a.wav", "c.wav"], ReportData.Names(html));
        var data = ReportData.Of(html);
        Assert.Equal("", data.GetProperty("link_base").GetString());
        Assert.Equal("%3Cb%3E.wav", data.GetProperty("rows")[0][1].GetString());
        Assert.Equal("ingest: not audio", data.GetProperty("rows")[2][7].GetString());
        Assert.Equal("results/archive/", data.GetProperty("source").GetString());
        Assert.DoesNotContain("AccountKey", html);
        var properties = await clients.Blobs.GetBlobContainerClient(BlobNames.ResultsContainer).GetBlobClient("archive/report.html").GetPropertiesAsync();
        Assert.Equal("text/html; charset=utf-8", properties.Value.ContentType);

        Assert.Equal(2, await Report("--storage", azurite.ConnectionString, "--prefix", "archive/../elsewhere", "--publish"));
        Assert.Null(await blobs.GetInfoAsync($"{BlobNames.ResultsContainer}/elsewhere/{ReportPublisher.FileName}"));
    }
}
