using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Core.Tests.Segmentation;

public sealed class SignalTileAssemblerTests
{
    /// <summary>Lengths around one window, one tile and tile edges, in samples.</summary>
    public static TheoryData<int, int> Lengths => new()
    {
        { 100, 128 }, { 33_000, 128 }, { 293_248, 128 }, { 262_144 * 2 + 31_104, 128 }, { 262_144 * 2 + 31_105, 128 }, { 700_001, 128 },
        { 555_000, 256 }, { 1_200_000, 256 }, { 524_288 * 2 + 1, 256 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SignalTilesGiveTheStreamingStftsFramesBitForBit(int length, int windowsPerTile)
    {
        var random = new Random(length);
        var signal = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1) * 0.3f).ToArray();
        var expected = new List<SpectrogramTile>();
        var frames = new TileAssembler(expected.Add, windowsPerTile);
        var framer = new StftFramer(frames.AddFrame);
        var signalTiles = new List<SignalTile>();
        var assembler = new SignalTileAssembler(signalTiles.Add, windowsPerTile);
        foreach (var block in signal.Chunk(10_007))
        {
            framer.Process(block);
            assembler.Add(block);
        }

        framer.Flush();
        Assert.Equal(frames.Complete(), assembler.Complete());

        Assert.Equal(expected.Count, signalTiles.Count);
        foreach (var (want, tile) in expected.Zip(signalTiles))
        {
            var got = tile.ToSpectrogram();
            Assert.Equal(want.Range, got.Range);
            Assert.True(want.Frames.AsSpan().SequenceEqual(got.Frames), $"tile {want.Range.Index} of a {length}-sample signal differs");
            Assert.True(tile.Samples.Length <= SignalTile.SamplesFor(tile.Range));
        }
    }
}
