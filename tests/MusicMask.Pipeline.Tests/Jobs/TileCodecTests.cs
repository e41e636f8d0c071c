using MusicMask.Jobs;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Pipeline.Tests.Jobs;

public class TileCodecTests
{
    [Fact]
    public void TilesAndScoresRoundTripExactly()
    {
        var range = new TileRange(2, 256, 5);
        var frames = Enumerable.Range(0, range.Frames * 256).Select(i => MathF.Sin(i) * 80 - 40).ToArray();
        var tile = TileCodec.DecodeTile(TileCodec.EncodeTile(new SpectrogramTile(range, frames)), range);
        Assert.Equal(frames, tile.Frames);

        var scores = new WindowScores(2, 256, 5, Enumerable.Range(0, 13 * 5).Select(i => i / 65f).ToArray());
        var model = new ModelInfo("m.onnx", "v1", "abc");
        var (decoded, decodedModel) = TileCodec.DecodeScores(TileCodec.EncodeScores(scores, model));
        Assert.Equal(scores.Probabilities, decoded.Probabilities);
        Assert.Equal((2, 256L, 5), (decoded.TileIndex, decoded.FirstWindow, decoded.Windows));
        Assert.Equal(model, decodedModel);
    }

    [Fact]
    public void TruncatedOrMismatchedBlobsAreErrors()
    {
        var range = new TileRange(0, 0, 2);
        var bytes = TileCodec.EncodeTile(new SpectrogramTile(range, new float[range.Frames * 256]));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(bytes.AsSpan(0, bytes.Length - 4), range));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(bytes, new TileRange(1, 2, 2)));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile("not a tile"u8, range));
        var scores = TileCodec.EncodeScores(new WindowScores(0, 0, 2, new float[26]), new ModelInfo("m", "v", "h"));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeScores(scores.AsSpan(0, scores.Length - 1)));
    }
}
