using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

/// <summary>The blob store lists direct child folders only, whatever lies deeper (how `status` finds jobs), and refuses unsafe prefixes.</summary>
public sealed class FolderListingTests
{
    [Fact]
    public async Task AzureBlobsListOnlyDirectChildFolders()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await AssertDirectChildFolders(harness.Blobs);
    }

    private static async Task AssertDirectChildFolders(IBlobStore store)
    {
        foreach (var name in new[] { "work/job-b/job.json", "work/job-b/tiles/00000.bin", "work/job-a/job.json", "work/loose.txt", "results/x/mask.npy" })
        {
            await store.WriteAsync(name, new byte[] { 1 });
        }

        Assert.Equal(["work/job-a/", "work/job-b/"], await Folders(store, "work/"));
        Assert.Equal(["work/job-b/tiles/"], await Folders(store, "work/job-b/"));
        Assert.Empty(await Folders(store, "work/job-a/"));
        Assert.Empty(await Folders(store, "work/none/"));
        await Assert.ThrowsAsync<ArgumentException>(() => Folders(store, "work/../../"));
        await Assert.ThrowsAsync<ArgumentException>(() => Folders(store, "../"));
        await Assert.ThrowsAsync<ArgumentException>(() => Folders(store, "work/job"));
    }

    private static async Task<List<string>> Folders(IBlobStore store, string prefix)
    {
        var folders = new List<string>();
        await foreach (var folder in store.ListFoldersAsync(prefix))
        {
            folders.Add(folder);
        }

        return folders;
    }
}
