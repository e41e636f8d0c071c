using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Tests.Segmentation;

public class TileAssemblerTests
{
    private const int Bins = SpectrogramParameters.Bins;

    [Theory]
    [InlineData(100, 8)]
    [InlineData(256, 8)]
    [InlineData(700, 8)]
    [InlineData(5000, 128)]
    public void TilesAreSlicesOfThePaddedSpectrogram(int frames, int windowsPerTile)
    {
        var tiles = new List<SpectrogramTile>();
        var assembler = new TileAssembler(tiles.Add, windowsPerTile);
        var frame = new float[Bins];
        for (var t = 0; t < frames; t++)
        {
            Array.Fill(frame, t);
            frame[0] = -t;
            assembler.AddFrame(frame);
        }

        var grid = assembler.Complete();
        Assert.Equal(grid.TileCount, tiles.Count);
        foreach (var tile in tiles)
        {
            Assert.Equal(grid.Tile(tile.Range.Index), tile.Range);
            Assert.Equal(tile.Range.Frames * Bins, tile.Frames.Length);
            for (var f = 0; f < tile.Range.Frames; f++)
            {
                var absolute = tile.Range.StartFrame + f;
                var expected = absolute < frames ? absolute : SpectrogramParameters.SilenceDecibels;
                Assert.Equal(expected, tile.Frames[f * Bins + 5]);
                Assert.Equal(absolute < frames ? -absolute : SpectrogramParameters.SilenceDecibels, tile.Frames[f * Bins]);
            }
        }
    }

    [Fact]
    public void FullTilesAreEmittedBeforeTheStreamEnds()
    {
        var tiles = new List<SpectrogramTile>();
        var assembler = new TileAssembler(tiles.Add);
        var frame = new float[Bins];
        for (var t = 0; t < 2 * 2048 + 240; t++)
        {
            assembler.AddFrame(frame);
        }

        Assert.Equal(2, tiles.Count);
    }
}
