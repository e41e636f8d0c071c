using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

public class PixelTargetsTests
{
    [Fact]
    public void EachPixelIsTheMusicsShareOfItsPowerWeightedByThatPower()
    {
        float[] music = [-20, -30, -60, -100];
        float[] noise = [-30, -30, -40, -100];

        var targets = PixelTargets.From(music, noise);

        Assert.Equal(10 / 11.0, targets.MusicShare[0], 1e-5);
        Assert.Equal(0.5, targets.MusicShare[1], 1e-5);
        Assert.Equal(0.01 / 1.01, targets.MusicShare[2], 1e-5);
        double[] power = [0.011, 0.002, 1.01e-4, 2e-10];
        for (var i = 0; i < power.Length; i++)
        {
            Assert.Equal(power[i] / power.Average(), targets.Weight[i], 1e-3);
        }
    }

    [Fact]
    public void APureStripIsAllOneSourceAndOneLoudPixelCannotTakeAllTheWeight()
    {
        var decibels = Enumerable.Repeat(-60f, 999).Append(0f).ToArray();

        var music = PixelTargets.From(decibels, null);
        var noise = PixelTargets.From(null, decibels);

        Assert.All(music.MusicShare, share => Assert.Equal(1f, share));
        Assert.All(noise.MusicShare, share => Assert.Equal(0f, share));
        Assert.Equal(PixelTargets.WeightCap, music.Weight[^1]);
        Assert.Equal(music.Weight, noise.Weight);
    }
}
