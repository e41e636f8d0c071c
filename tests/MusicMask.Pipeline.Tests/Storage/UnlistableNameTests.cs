using System.Diagnostics;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

/// <summary>Azurite answers 500 to a listing page that holds a name with a control character; listing goes on around it.</summary>
public sealed class UnlistableNameTests
{
    [Theory]
    [InlineData("bad\u0001name.wav")]
    [InlineData("sub/\u001b[31mred.wav")]
    [InlineData("z\u0007")]
    [InlineData("\U0001F3B5\u0001.wav")]
    public async Task ABlobTheServiceCannotListIsListedWithItsProblemAndTheRestStillList(string bad)
    {
        await using var harness = await PipelineHarness.StartAsync();
        var container = harness.Connection.Blobs.GetBlobContainerClient("audio");
        await container.CreateIfNotExistsAsync();
        foreach (var name in new[] { "a.wav", bad, "bad.wav", "c.wav", "sub/zz.wav", "\U0001F3B6.wav" })
        {
            await container.GetBlobClient(name).UploadAsync(new BinaryData(new byte[] { 1 }));
        }

        var watch = Stopwatch.StartNew();
        var listed = new List<BlobInfo>();
        await foreach (var blob in harness.Blobs.ListAsync("audio/"))
        {
            listed.Add(blob);
        }

        var unlistable = Assert.Single(listed, b => b.Problem is not null);
        var known = bad[..bad.IndexOf(bad.First(char.IsControl))];
        Assert.Equal($"audio/{known}\uFFFD", unlistable.Name);
        Assert.Contains($"starts \"{known}\" and goes on with a control character", unlistable.Problem);
        var expected = new[] { "a.wav", "bad.wav", "c.wav", "sub/zz.wav", "\U0001F3B6.wav" }.Order(StringComparer.Ordinal).Select(n => "audio/" + n);
        Assert.Equal(expected, listed.Where(b => b.Problem is null).Select(b => b.Name));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{watch.Elapsed}: the retrying client waited out its backoff");
    }
}
