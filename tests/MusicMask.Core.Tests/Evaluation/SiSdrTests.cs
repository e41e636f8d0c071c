using MusicMask.Evaluation;
using MusicMask.Separation;
using MusicMask.Signals;

namespace MusicMask.Tests.Evaluation;

public class SiSdrTests
{
    [Fact]
    public void ScalingTheEstimateChangesNothingAndAddedNoiseGivesItsSnr()
    {
        var music = SignalGenerator.Melody(44_100, 44_100, seed: 1);
        var noise = SignalGenerator.WhiteNoise(44_100, seed: 2);

        var mixture = SignalGenerator.Sum(music, SignalGenerator.ScaleToSnr(music, noise, 10));
        var scaled = mixture.Select(s => 3 * s).ToArray();

        Assert.Equal(10, SiSdr.Of(music, mixture), 0.2);
        Assert.Equal(SiSdr.Of(music, mixture), SiSdr.Of(music, scaled), 6);
        Assert.True(SiSdr.Of(music, music) > 100);
    }

    [Fact]
    public void ASilentEstimateIsMinusInfinity() =>
        Assert.Equal(double.NegativeInfinity, SiSdr.Of(SignalGenerator.WhiteNoise(100, seed: 1), new float[100]));

    [Fact]
    public void ASilentReferenceOrUnequalLengthsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => SiSdr.Of(new float[10], new float[10]));
        Assert.Throws<ArgumentException>(() => SiSdr.Of(new float[10], new float[11]));
    }

    [Fact]
    public void TheIdealPixelMaskRecoversMostOfTheMusicAndTheCellMaskLess()
    {
        const int length = 3 * 44_100;
        var music = SignalGenerator.Melody(length, 44_100, seed: 3);
        var noise = SignalGenerator.ScaleToSnr(music, SignalGenerator.WhiteNoise(length, seed: 4), 0);
        var mixture = SignalGenerator.Sum(music, noise);
        var ideal = new IdealMasks(music, noise);

        var baseline = SiSdr.Of(music, mixture);
        var pixels = SiSdr.Of(music, MusicSeparator.Music(mixture, ideal.Pixels)) - baseline;
        var cells = SiSdr.Of(music, MusicSeparator.Music(mixture, ideal.Cells)) - baseline;

        Assert.True(pixels > 10, $"ideal pixels: {pixels:F1} dB");
        Assert.True(cells > 0 && cells < pixels, $"ideal cells: {cells:F1} dB, pixels {pixels:F1} dB");
    }
}
