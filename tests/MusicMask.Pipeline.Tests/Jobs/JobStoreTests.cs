using MusicMask.Jobs;
using MusicMask.Outputs;
using MusicMask.Pipeline.Tests.Support;
using MusicMask.Storage;
using MusicMask.Tests.Support;

namespace MusicMask.Pipeline.Tests.Jobs;

public sealed class JobStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ARepeatedStitchCutShortNeverLeavesAFinishedJobWithoutItsManifest()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (path, jobId) = await pipeline.SubmitAsync(_temp.Path, "repeat.wav", 8, ingest: true);
        await pipeline.RunUntilFinishedAsync();
        var job = (await new JobStore(pipeline.Blobs).ReadJobAsync(jobId))!;
        var published = await pipeline.ResultsAsync("repeat.wav");
        var files = published.Select(p => (p.Key, p.Value)).ToList();

        var cutShort = new FailingWriteStore(pipeline.Blobs, BlobNames.Result("repeat.wav", ResultFiles.Overlay));
        await Assert.ThrowsAsync<IOException>(() => new JobStore(cutShort).PublishResultsAsync("repeat.wav", job.ETag, files));
        await pipeline.AssertStitchedOnceLikeTheEmbeddedCliAsync(path, "repeat.wav", jobId);

        var newer = await pipeline.Blobs.UploadFileAsync(BlobNames.Audio("repeat.wav"), TestAudio.Write(_temp.Path, "newer.wav", 3, seed: 7));
        await Assert.ThrowsAsync<IOException>(() => new JobStore(cutShort).PublishResultsAsync("repeat.wav", newer.ETag, files));
        Assert.DoesNotContain(ResultFiles.Manifest, (await pipeline.ResultsAsync("repeat.wav")).Keys);
    }

    [Fact]
    public async Task ResultsOfAnUploadThatWasReplacedAreNotPublished()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (job, published) = await FinishedAsync(pipeline, "replaced.wav");
        var changed = published.Select(p => (p.Key, p.Key == ResultFiles.Manifest ? p.Value : [.. p.Value, (byte)'\n'])).ToList();
        await pipeline.Blobs.UploadFileAsync(BlobNames.Audio("replaced.wav"), TestAudio.Write(_temp.Path, "newer.wav", 3, seed: 7));

        Assert.False(await new JobStore(pipeline.Blobs).PublishResultsAsync("replaced.wav", job.ETag, changed));

        var after = await pipeline.ResultsAsync("replaced.wav");
        Assert.Equal(published.Keys.Order(), after.Keys.Order());
        Assert.All(published, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public async Task APublishOvertakenByANewerUploadWritesNoFileAfterTheOneUnderWay()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (job, published) = await FinishedAsync(pipeline, "overtaken.wav");
        var changed = published.Select(p => (p.Key, p.Key == ResultFiles.Manifest ? p.Value : [.. p.Value, (byte)'\n'])).ToList();
        var underWay = changed.First(f => f.Key != ResultFiles.Manifest).Key;
        var overtaking = new UploadDuringWriteStore(pipeline.Blobs, BlobNames.Result("overtaken.wav", underWay), BlobNames.Audio("overtaken.wav"), TestAudio.Write(_temp.Path, "newer.wav", 3, seed: 7));

        Assert.False(await new JobStore(overtaking).PublishResultsAsync("overtaken.wav", job.ETag, changed));

        var after = await pipeline.ResultsAsync("overtaken.wav");
        Assert.Equal([underWay], published.Keys.Where(file => !after[file].SequenceEqual(published[file])));
    }

    [Fact]
    public async Task ANewerUploadWholePublishedWhileAnOlderFileIsStillBeingWrittenKeepsEveryFile()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (job, published) = await FinishedAsync(pipeline, "raced.wav");
        List<(string, byte[])> Marked(byte mark) => published.Select(p => (p.Key, p.Key == ResultFiles.Manifest ? p.Value : [.. p.Value, mark])).ToList();
        var underWay = published.Keys.First(file => file != ResultFiles.Manifest);
        var held = new HeldWriteStore(pipeline.Blobs, BlobNames.Result("raced.wav", underWay));
        var claimTimeout = TimeSpan.FromSeconds(5);

        var older = new JobStore(held, claimTimeout).PublishResultsAsync("raced.wav", job.ETag, Marked((byte)'o'));
        await Task.WhenAny(held.Entered, older);
        var newer = await pipeline.Blobs.UploadFileAsync(BlobNames.Audio("raced.wav"), TestAudio.Write(_temp.Path, "newer.wav", 3, seed: 7));
        var newerPublish = new JobStore(pipeline.Blobs, claimTimeout).PublishResultsAsync("raced.wav", newer.ETag, Marked((byte)'n'));
        await Task.WhenAny(newerPublish, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.False(newerPublish.IsCompleted, "the newer upload published while an older file was still being written");
        held.Release();

        Assert.False(await older);
        Assert.True(await newerPublish);
        var after = await pipeline.ResultsAsync("raced.wav");
        Assert.All(after.Where(file => file.Key != ResultFiles.Manifest), file => Assert.Equal((byte)'n', file.Value[^1]));
    }

    [Fact]
    public async Task TheSameUploadRepublishedWithoutAudioLeavesNoAudioFilesBehind()
    {
        await using var pipeline = await PipelineHarness.StartAsync();
        var (job, published) = await FinishedAsync(pipeline, "song.wav", audio: true);
        Assert.True(ResultFiles.AudioOutputs.IsSubsetOf(published.Keys));
        var withoutAudio = published.Where(p => !ResultFiles.AudioOutputs.Contains(p.Key)).Select(p => (p.Key, p.Value)).ToList();

        await new JobStore(pipeline.Blobs).PublishResultsAsync("song.wav", job.ETag, withoutAudio);

        Assert.Equal(withoutAudio.Select(f => f.Key).Order(), (await pipeline.ResultsAsync("song.wav")).Keys.Order());
    }

    /// <summary>A 3 s file run through the pipeline: its finished job and the results it published.</summary>
    private async Task<(JobManifest Job, Dictionary<string, byte[]> Published)> FinishedAsync(PipelineHarness pipeline, string name, bool audio = false)
    {
        var (_, jobId) = await pipeline.SubmitAsync(_temp.Path, name, 3);
        await pipeline.RunUntilFinishedAsync(audio: audio);
        return ((await new JobStore(pipeline.Blobs).ReadJobAsync(jobId))!, await pipeline.ResultsAsync(name));
    }

    /// <summary>A blob store on which <paramref name="audio"/> is replaced by a newer upload while <paramref name="trigger"/> is being written.</summary>
    private sealed class UploadDuringWriteStore(IBlobStore inner, string trigger, string audio, string newerPath) : DelegatingBlobStore(inner)
    {
        public override async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            var etag = await base.WriteAsync(name, content, cancellationToken);
            if (name == trigger)
            {
                await UploadFileAsync(audio, newerPath, cancellationToken);
            }

            return etag;
        }
    }

    /// <summary>A blob store whose write of <paramref name="held"/> waits, once started, until the test releases it.</summary>
    private sealed class HeldWriteStore(IBlobStore inner, string held) : DelegatingBlobStore(inner)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public override async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            if (name == held)
            {
                _entered.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            return await base.WriteAsync(name, content, cancellationToken);
        }
    }
}
