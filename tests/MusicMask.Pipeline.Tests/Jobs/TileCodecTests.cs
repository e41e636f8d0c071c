using System.Buffers.Binary;
using System.Text;
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
        var context = new TimeContext(-2.5f, 4.25f, 1.3f, 8);
        var (decoded, decodedModel, decodedContext) = TileCodec.DecodeScores(TileCodec.EncodeScores(scores, model, context));
        Assert.Equal(scores.Probabilities, decoded.Probabilities);
        Assert.Equal((2, 256L, 5), (decoded.TileIndex, decoded.FirstWindow, decoded.Windows));
        Assert.Equal((model, context), (decodedModel, decodedContext));
        var (_, _, none) = TileCodec.DecodeScores(TileCodec.EncodeScores(scores, model, null));
        Assert.Null(none);
    }

    [Fact]
    public void AModelWithoutATimeContextIsNamedInTheThreeLinesEarlierAggregatorsRead()
    {
        var scores = new WindowScores(0, 0, 2, Enumerable.Range(0, 26).Select(i => i / 26f).ToArray());
        var blob = TileCodec.EncodeScores(scores, new ModelInfo("m", "v", "h"), null);
        var modelLength = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(24));

        var (decoded, model, context) = TileCodec.DecodeScores(blob);

        Assert.Equal("m\nv\nh", Encoding.UTF8.GetString(blob, 28, modelLength));
        Assert.Equal((new ModelInfo("m", "v", "h"), (TimeContext?)null), (model, context));
        Assert.Equal(scores.Probabilities, decoded.Probabilities);
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
        var scores = TileCodec.EncodeScores(new WindowScores(0, 0, 2, new float[26]), new ModelInfo("m", "v", "h"), null);
        Assert.Throws<InvalidDataException>(() => TileCodec.DecodeScores(scores.AsSpan(0, scores.Length - 1)));
        var badContext = TileCodec.EncodeScores(new WindowScores(0, 0, 2, new float[26]), new ModelInfo("m", "v", "h"), new TimeContext(1, 1, 1, 8));
        var radius = Array.LastIndexOf(badContext, (byte)'8');
        badContext[radius] = (byte)'x';
        Assert.Contains(TimeContext.PropertyName, Assert.Throws<InvalidDataException>(() => TileCodec.DecodeScores(badContext)).Message, StringComparison.Ordinal);
    }
}
