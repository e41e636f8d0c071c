using MusicMask.Training.Data;
using MusicMask.Transforms;

namespace MusicMask.Training.Tests.Data;

/// <summary>The steady tones the trainer shows as noise, measured at the training sample rate.</summary>
public class SteadyToneTests
{
    private const int Rate = SpectrogramParameters.SampleRate;

    [Fact]
    public void ATwoSineToneHoldsAllItsEnergyAtItsSinesInTheGivenProportions()
    {
        var tone = new SteadyTone([1_000, 3_170], [1, 0.5]);
        var signal = tone.Render(Rate, Rate, new Random(1));

        // One second: sinusoids at whole hertz are orthogonal, so the sines' powers add up to the signal's.
        var (first, second) = (ToneAmplitude.Of(signal, 1_000), ToneAmplitude.Of(signal, 3_170));
        var power = signal.Average(x => (double)x * x);

        Assert.InRange((first * first + second * second) / 2 / power, 0.999, 1.001);
        Assert.InRange(first / second, 1.99, 2.01);
        Assert.InRange(first + second, 0.999, 1.001);
        Assert.True(signal.Max(Math.Abs) <= 1f);
    }

    [Fact]
    public void ATonesPitchAndLevelHoldFromItsFirstHalfToItsSecond()
    {
        var signal = new SteadyTone([440], [1]).Render(2 * Rate, Rate, new Random(2));
        var (early, late) = (signal[..Rate], signal[Rate..]);

        Assert.InRange(ToneAmplitude.Of(early, 440), 0.999, 1.001);
        Assert.InRange(ToneAmplitude.Of(late, 440), 0.999, 1.001);
        Assert.InRange(ToneAmplitude.Of(late, 445), 0, 1e-3);
    }

    [Fact]
    public void DrawnTonesSpanMainsToCrtWhineWithOneToThreeSines()
    {
        var random = new Random(3);
        var tones = Enumerable.Range(0, 500).Select(_ => SteadyTone.Draw(random)).ToArray();

        Assert.All(tones, t => Assert.All(t.Frequencies, f => Assert.InRange(f, 50, 16_000)));
        Assert.All(tones, t => Assert.Equal(1, t.Amplitudes.Max()));
        Assert.Contains(tones, t => t.Frequencies.Min() < 70);
        Assert.Contains(tones, t => t.Frequencies.Max() > 12_000);
        Assert.InRange(tones.Count(t => t.Frequencies.Length == 1), 200, 300);
        Assert.InRange(tones.Count(t => t.Frequencies.Length == 3), 75, 175);
        Assert.DoesNotContain(tones, t => t.Frequencies.Length > 3);
    }
}
