using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Segmentation;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Jobs;

public class MessageCodecTests
{
    private const string Job = "0123456789abcdef";

    [Fact]
    public void EveryMessageRoundTrips()
    {
        var tile = ScoreTile.For(Job, new TileRange(3, 384, 128), BlobNames.Tile(Job, 3));
        Assert.Equal(tile, MessageCodec.Decode<ScoreTile>(MessageCodec.Encode(tile)));
        var completed = IngestCompleted.For(Job, 12);
        Assert.Equal(completed, MessageCodec.Decode<IngestCompleted>(MessageCodec.Encode(completed)));
        var request = IngestRequest.For("audio", "a/b.wav");
        Assert.Equal(request, MessageCodec.Decode<IngestRequest>(MessageCodec.Encode(request)));
        var withTag = IngestRequest.For("audio", "a/b.wav", "\"0x8D\"");
        Assert.Equal(withTag, MessageCodec.Decode<IngestRequest>(MessageCodec.Encode(withTag)));
    }

    [Fact]
    public void MessagesCarryIdsAndRangesNeverPixels()
    {
        var body = MessageCodec.Encode(ScoreTile.For(Job, new TileRange(1500, 192_000, 128), BlobNames.Tile(Job, 1500)));
        Assert.True(body.Length < 256, body);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "no \"schema\"")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v9\"}", "is not musicmask.score-tile.v1")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"0123456789abcdef\",\"tile\":\"three\",\"tile_blob\":\"x\",\"first_window\":0,\"windows\":1}", "not a valid")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"0123456789abcdef\",\"tile\":1,\"tile_blob\":\"work/0123456789abcdef/tiles/000001\",\"first_window\":0,\"windows\":1,\"pixels\":[1]}", "not a valid")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"0123456789abcdef\",\"tile\":1,\"tile_blob\":\"work/0123456789abcdef/tiles/000001\",\"first_window\":0,\"windows\":99999}", "outside 1..4096")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"../../etc\",\"tile\":1,\"tile_blob\":\"work/x\",\"first_window\":0,\"windows\":1}", "job id")]
    [InlineData("{\"schema\":\"musicmask.score-tile.v1\",\"job_id\":\"0123456789abcdef\",\"tile\":1,\"tile_blob\":\"work/0123456789abcdef/tiles/000002\",\"first_window\":0,\"windows\":1}", "not this tile's")]
    public void MalformedMessagesAreRejectedWithTheReason(string body, string reason)
    {
        Assert.False(MessageCodec.TryDecode<ScoreTile>(body, out var message, out var problem));
        Assert.Null(message);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void JobIdsDependOnContainerNameAndETag()
    {
        var id = JobIds.For("audio", "a/b.wav", "\"1\"");
        Assert.Null(JobIds.Problem(id));
        Assert.Equal(id, JobIds.For("audio", "a/b.wav", "1"));
        Assert.NotEqual(id, JobIds.For("audio", "a_b.wav", "1"));
        Assert.NotEqual(id, JobIds.For("audio", "a/b.wav", "2"));
    }
}
