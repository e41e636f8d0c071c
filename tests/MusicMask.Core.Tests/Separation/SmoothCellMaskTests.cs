using MusicMask.Segmentation;
using MusicMask.Separation;

namespace MusicMask.Tests.Separation;

public class SmoothCellMaskTests
{
    [Fact]
    public void TheGainIsTheInterpolatedProbabilityRaisedToTheExponent()
    {
        var map = new ProbabilityMap(4, Enumerable.Range(0, 64).Select(i => (float)(i % 5) / 4).ToArray());
        var (plain, cubed, interpolated) = (new float[257], new float[257], new float[257]);

        for (var frame = -3; frame < 70; frame += 7)
        {
            new SmoothCellMask(map).Gains(frame, null!, plain);
            new SmoothCellMask(map, 3).Gains(frame, null!, cubed);
            new CellInterpolation(map).Fill(frame, interpolated);

            Assert.Equal(interpolated, plain);
            for (var bin = 0; bin < 257; bin++)
            {
                Assert.Equal(Math.Pow(interpolated[bin], 3), cubed[bin], 1e-6);
            }
        }
    }
}
