using System.Diagnostics;
using MusicMask.Cli.Commands;
using MusicMask.Messaging;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Jobs;

/// <summary>Workers as separate `musicmask worker` processes, as the local host scales out.</summary>
public sealed class WorkerProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AScoringProcessKilledMidJobHasItsBatchesRedoneAndTheResultIsUnchanged()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, job) = await pipeline.SubmitAsync(_temp.Path, "killed.wav", 180, ingest: true);
        var tiles = await pipeline.RawQueue(QueueNames.Tiles).ApproximateCountAsync();

        using (var worker = WorkerProcess.Start(pipeline.Azurite.ConnectionString, TestModels.RandomContextModel(), "score", threads: 2, TimeSpan.FromSeconds(3)))
        {
            await WaitForAsync(async () => await CountAsync(pipeline.Blobs, $"{BlobNames.WorkContainer}/{job}/scores/") >= 3, worker);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        var scoredBeforeKill = await CountAsync(pipeline.Blobs, $"{BlobNames.WorkContainer}/{job}/scores/");
        Assert.InRange(scoredBeforeKill, 3, tiles - 1);

        await pipeline.RunUntilFinishedAsync();
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "killed.wav", job);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Process worker)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(worker.HasExited, $"the worker exited early with code {(worker.HasExited ? worker.ExitCode : 0)}");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the worker scored nothing within a minute");
            await Task.Delay(20);
        }
    }

    private static async Task<int> CountAsync(IBlobStore blobs, string prefix)
    {
        var count = 0;
        await foreach (var unused in blobs.ListAsync(prefix))
        {
            count++;
        }

        return count;
    }
}
