using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Storage;

public class StorageMeterTests
{
    [Fact]
    public void EveryBlobThePipelineWritesFallsInANamedCategory()
    {
        const string job = "0123abcd";
        var categories = new Dictionary<string, string>
        {
            [BlobNames.Audio("talk/show.wav")] = "audio",
            [BlobNames.Job(job)] = "job",
            [BlobNames.Tile(job, 7)] = "tiles",
            [BlobNames.Scores(job, 7)] = "scores",
            [BlobNames.Preview(job)] = "preview",
            [BlobNames.StitchClaim(job)] = "stitch",
            [BlobNames.StitchLog(job) + "000001"] = "stitches",
            [BlobNames.ResultsClaim("talk/show.wav")] = "results-claims",
            [BlobNames.DeadLetter("tiles", "message-1")] = "dead-letters",
            [BlobNames.Receipt("receipt-1")] = "receipts",
            [BlobNames.Result("talk/show.wav", "mask.npy")] = "results",
        };

        Assert.All(categories, pair => Assert.Equal(pair.Value, StorageMeter.CategoryOf(pair.Key)));
    }

    [Fact]
    public void CountsOperationsAndBytesPerCategoryAndOperation()
    {
        var meter = new StorageMeter();
        Parallel.For(0, 1_000, i => meter.Record("tiles", i % 2 == 0 ? "write" : "read", bytesWritten: i % 2 == 0 ? 10 : 0, bytesRead: i % 2 == 0 ? 0 : 3));

        Assert.Equal([("tiles", "read", 500L, 0L, 1_500L), ("tiles", "write", 500L, 5_000L, 0L)], meter.Snapshot());
    }
}
