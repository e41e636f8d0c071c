using MusicMask.Outputs;
using MusicMask.Separation;

namespace MusicMask.Tests.Separation;

public class BandMediansTests
{
    /// <summary>A preview whose every band and column holds a level drawn at random (16 equal frames per column).</summary>
    private static SpectrogramPreview RandomPreview(int columns, int seed)
    {
        var random = new Random(seed);
        var preview = new SpectrogramPreview();
        var frame = new float[257];
        for (var column = 0; column < columns; column++)
        {
            for (var band = 0; band < SpectrogramPreview.Rows; band++)
            {
                frame[2 * band] = frame[2 * band + 1] = -90f + 80f * random.NextSingle();
            }

            for (var i = 0; i < 16; i++)
            {
                preview.AddFrame(frame);
            }
        }

        preview.Complete();
        return preview;
    }

    [Fact]
    public void EachValueIsTheLowerMedianOfItsBandsNeighbourhood()
    {
        const int columns = 300;
        var preview = RandomPreview(columns, seed: 8);

        var medians = BandMedians.Of(preview, halfSpan: 12);

        Assert.Equal(columns, medians.Columns);
        for (var band = 0; band < SpectrogramPreview.Rows; band += 9)
        {
            for (var column = 0; column < columns; column++)
            {
                var (from, to) = (Math.Max(0, column - 12), Math.Min(columns - 1, column + 12));
                var around = Enumerable.Range(from, to - from + 1).Select(c => preview.Quantised(band, c)).Order().ToArray();
                Assert.Equal(around[(around.Length - 1) / 2], medians[band, column]);
            }
        }
    }

    [Fact]
    public void AnEmptyPreviewHasNoMedians() => Assert.Throws<ArgumentException>(() => BandMedians.Of(new SpectrogramPreview()));
}
