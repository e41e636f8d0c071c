using MusicMask.Segmentation;
using MusicMask.Separation;

namespace MusicMask.Tests.Separation;

public class PixelProbabilityMaskTests
{
    [Fact]
    public void EachFramesGainsAreItsColumnWithNyquistAsTheTopBinAndTheEdgesHeld()
    {
        const int frames = 5;
        var probabilities = Enumerable.Range(0, 256 * frames).Select(i => (i / frames + i % frames * 0.1f) / 300f).ToArray();
        var mask = new PixelProbabilityMask(probabilities, frames);
        var gains = new float[257];

        foreach (var (frame, column) in new[] { (-3L, 0), (0L, 0), (2L, 2), (4L, 4), (9L, 4) })
        {
            mask.Gains(frame, null!, gains);
            for (var bin = 0; bin < 257; bin++)
            {
                Assert.Equal(probabilities[Math.Min(bin, 255) * frames + column], gains[bin]);
            }
        }
    }

    [Fact]
    public void AProductAppliesBothMasks()
    {
        var map = new ProbabilityMap(4, Enumerable.Range(0, 64).Select(i => (float)(i % 5) / 4).ToArray());
        var pixels = new PixelProbabilityMask(Enumerable.Range(0, 256 * 64).Select(i => (i % 7) / 6f).ToArray(), 64);
        var (product, first, second) = (new float[257], new float[257], new float[257]);

        for (var frame = 0; frame < 64; frame += 9)
        {
            new MaskProduct(pixels, new SmoothCellMask(map)).Gains(frame, null!, product);
            pixels.Gains(frame, null!, first);
            new SmoothCellMask(map).Gains(frame, null!, second);

            Assert.Equal(first.Zip(second, (a, b) => a * b), product);
        }
    }
}
