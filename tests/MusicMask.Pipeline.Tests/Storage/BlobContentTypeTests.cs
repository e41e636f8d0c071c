using Azure.Storage.Blobs;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Reports;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Storage;

/// <summary>Blobs in Azurite carry the content type of their name, so a browser opening a blob link shows it rather than downloading it.</summary>
public sealed class BlobContentTypeTests : IDisposable
{
    private const string Text = "text/plain; charset=utf-8";
    private static readonly Dictionary<string, string> Expected = new()
    {
        [".png"] = "image/png",
        [".json"] = "application/json",
        [".csv"] = Text,
        [".txt"] = Text,
        [".npy"] = "application/octet-stream",
        [".html"] = "text/html; charset=utf-8",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EveryResultOfARealJobAndItsReportAreStoredWithTheTypeOfTheirName()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        await pipeline.SubmitAsync(_temp.Path, "archive/song.wav", 4);
        await File.WriteAllTextAsync(_temp.File("broken.wav"), "not audio");
        await pipeline.UploadAsync("archive/broken.wav", _temp.File("broken.wav"));
        await pipeline.ScanAsync();
        await pipeline.RunUntilFinishedAsync();
        await new ReportPublisher(pipeline.Blobs).PublishAsync("archive");

        var types = new Dictionary<string, string>();
        await foreach (var blob in pipeline.Blobs.ListAsync($"{BlobNames.ResultsContainer}/"))
        {
            types[blob.Name] = await ContentTypeAsync(pipeline.Connection.Blobs, blob.Name);
        }

        var song = BlobNames.ResultPrefix("archive/song.wav");
        Assert.Equal(ResultFiles.Names.Where(n => n != ResultFiles.Error && !ResultFiles.AudioOutputs.Contains(n)).Select(n => song + n).Order(), types.Keys.Where(k => k.StartsWith(song, StringComparison.Ordinal)).Order());
        Assert.Contains(BlobNames.Result("archive/broken.wav", ResultFiles.Error), types.Keys);
        Assert.Contains(ReportPublisher.BlobName("archive"), types.Keys);
        Assert.All(types, blob => Assert.Equal(Expected[Path.GetExtension(blob.Key)], blob.Value));
        Assert.Equal("audio/wav", await ContentTypeAsync(pipeline.Connection.Blobs, BlobNames.Audio("archive/song.wav")));
    }

    [Fact]
    public async Task ConditionalWritesSetTheTypeAndAnOverwriteCorrectsABlobStoredWithoutOne()
    {
        await using var azurite = await Azurite.StartAsync();
        var connection = StorageConnection.Create(azurite.ConnectionString);
        var blobs = connection.CreateBlobStore();
        var overlay = BlobNames.Result("a.wav", ResultFiles.Overlay);
        var container = connection.Blobs.GetBlobContainerClient(BlobNames.ResultsContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("a.wav/overlay.png").UploadAsync(BinaryData.FromString("png"));
        Assert.Equal("application/octet-stream", await ContentTypeAsync(connection.Blobs, overlay));

        await blobs.WriteAsync(overlay, "png"u8.ToArray());
        Assert.True(await blobs.TryCreateAsync(BlobNames.Result("a.wav", ResultFiles.Manifest), "{}"u8.ToArray()));
        var claim = (await blobs.ReadAsync(BlobNames.Result("a.wav", ResultFiles.Manifest)))!;
        Assert.True(await blobs.TryReplaceAsync(BlobNames.Result("a.wav", ResultFiles.Manifest), "{ }"u8.ToArray(), claim.ETag));
        await File.WriteAllTextAsync(_temp.File("labels.txt"), "0\t1\tmusic\n");
        await blobs.UploadFileAsync(BlobNames.Result("a.wav", ResultFiles.Labels), _temp.File("labels.txt"));
        await blobs.WriteAsync(BlobNames.Tile("0123456789abcdef", 0), new byte[8]);

        Assert.Equal("image/png", await ContentTypeAsync(connection.Blobs, overlay));
        Assert.Equal("application/json", await ContentTypeAsync(connection.Blobs, BlobNames.Result("a.wav", ResultFiles.Manifest)));
        Assert.Equal(Text, await ContentTypeAsync(connection.Blobs, BlobNames.Result("a.wav", ResultFiles.Labels)));
        Assert.Equal("application/octet-stream", await ContentTypeAsync(connection.Blobs, BlobNames.Tile("0123456789abcdef", 0)));
    }

    [Theory]
    [InlineData("results/a.wav/OVERLAY.PNG", "image/png")]
    [InlineData("audio/talk.MP3", "audio/mpeg")]
    [InlineData("audio/take.flac", "audio/flac")]
    [InlineData("results/a.png.wav/segments.csv", Text)]
    [InlineData("work/0123456789abcdef/tiles/000001", "application/octet-stream")]
    [InlineData("audio/notes.docx", "application/octet-stream")]
    public void ATypeGoesByTheLastExtensionOfTheNameWhateverItsCase(string name, string expected) =>
        Assert.Equal(expected, BlobContentTypes.For(name));

    private static async Task<string> ContentTypeAsync(BlobServiceClient service, string name)
    {
        var (container, path) = BlobNames.Split(name);
        var properties = await service.GetBlobContainerClient(container).GetBlobClient(path).GetPropertiesAsync();
        return properties.Value.ContentType;
    }
}
