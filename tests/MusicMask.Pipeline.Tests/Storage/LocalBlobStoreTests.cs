using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Storage;

public sealed class LocalBlobStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ConditionalWritesLetExactlyOneWriterWin()
    {
        var store = new LocalBlobStore(_temp.Path);
        for (var round = 0; round < 200; round++)
        {
            using var start = new Barrier(16);
            var name = $"work/j{round}/claim";
            var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return store.TryCreateAsync(name, new byte[] { (byte)i });
                },
                TaskCreationOptions.LongRunning).Unwrap()));
            Assert.Equal(1, wins.Count(w => w));
        }

        var blob = (await store.ReadAsync("work/j0/claim"))!;
        Assert.True(await store.TryReplaceAsync("work/j0/claim", new byte[] { 99 }, blob.ETag));
        Assert.False(await store.TryReplaceAsync("work/j0/claim", new byte[] { 100 }, blob.ETag));
        Assert.Equal(new byte[] { 99 }, (await store.ReadAsync("work/j0/claim"))!.Content);
    }

    [Fact]
    public async Task ListsDeletesAndNeverWritesOutsideItsRoot()
    {
        var store = new LocalBlobStore(_temp.Path);
        await store.WriteAsync("results/a/b.wav/x.json", new byte[] { 1 });
        await store.WriteAsync("results/a_b.wav/x.json", new byte[] { 2 });
        var names = new List<string>();
        await foreach (var blob in store.ListAsync("results/a/"))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(["results/a/b.wav/x.json"], names);
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.ListAsync("../").CountAsync());
        await store.DeleteAsync("results/a/b.wav/x.json");
        await store.DeleteAsync("results/a/b.wav/x.json");
        Assert.Null(await store.ReadAsync("results/a/b.wav/x.json"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("results/../../escape", new byte[] { 1 }));
    }
}
