using MusicMask.Signals;

namespace MusicMask.Tests.Signals;

public class SignalGeneratorTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(-15)]
    public void MixtureHasTheRequestedSnr(double snr)
    {
        var music = SignalGenerator.Melody(44_100, 44_100, seed: 1);
        var noise = SignalGenerator.WhiteNoise(44_100, seed: 2, level: 0.3f);
        var mixture = SignalGenerator.Mix(music, noise, snr);
        var scaledNoise = mixture.Zip(music, (m, s) => m - s).ToArray();
        var measured = 20 * Math.Log10(SignalGenerator.Rms(music) / SignalGenerator.Rms(scaledNoise));
        Assert.InRange(measured, snr - 0.1, snr + 0.1);

        var noiseAlone = SignalGenerator.ScaleToSnr(music, noise, snr);
        var measuredAlone = 20 * Math.Log10(SignalGenerator.Rms(music) / SignalGenerator.Rms(noiseAlone));
        Assert.InRange(measuredAlone, snr - 0.1, snr + 0.1);
        Assert.Equal(mixture, SignalGenerator.Sum(music, noiseAlone));
    }

    [Fact]
    public void SilentNoiseCannotSetAnSnr()
    {
        Assert.Throws<ArgumentException>(() => SignalGenerator.Mix(SignalGenerator.WhiteNoise(100, 1), new float[100], 0));
    }
}
