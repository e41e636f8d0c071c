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
        var samples = Enumerable.Range(0, SignalTile.SamplesFor(range) - 100).Select(i => MathF.Sin(i * 0.01f) * 0.5f).ToArray();
        var tile = TileCodec.DecodeTile(TileCodec.EncodeTile(new SignalTile(range, 300, samples)), range);
        Assert.Equal((range, 300), (tile.Range, tile.RealFrames));
        Assert.Equal(samples, tile.Samples);

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
        var bytes = TileCodec.EncodeTile(new SignalTile(range, range.Frames, new float[SignalTile.SamplesFor(range)]));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(bytes.AsSpan(0, bytes.Length - 4), range));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(TileCodec.EncodeTile(new SignalTile(range, range.Frames, new float[1000])), range));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(TileCodec.EncodeTile(new SignalTile(range, 1, [float.NaN])), range));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile(bytes, new TileRange(1, 2, 2)));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeTile("not a tile"u8, range));
        var scores = TileCodec.EncodeScores(new WindowScores(0, 0, 2, new float[26]), new ModelInfo("m", "v", "h"));
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeScores(scores.AsSpan(0, scores.Length - 1)));
    }
}
