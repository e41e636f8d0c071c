using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

public class MachineHumTests
{
    private const int Rate = 44_100;

    [Fact]
    public void ASteadyHumHoldsItsEnergyAtTheHarmonicsOfItsFundamentalWithTheGivenRolloff()
    {
        var hum = new MachineHum(Fundamental: 100, Rolloff: 1, OddOnly: false, Drift: 0, DriftRate: 0.5, ModulationDepth: 0, ModulationRate: 10);
        var signal = hum.Render(Rate, Rate, new Random(1));

        // One second: sinusoids at whole hertz are orthogonal, so the harmonics' powers add up to the signal's.
        var amplitudes = Enumerable.Range(1, 159).Select(k => ToneAmplitude.Of(signal, 100.0 * k)).ToArray();
        var harmonicPower = amplitudes.Sum(a => a * a / 2);
        var power = signal.Average(x => (double)x * x);

        Assert.InRange(harmonicPower / power, 0.999, 1.001);
        Assert.InRange(amplitudes[0] / amplitudes[1], 1.99, 2.01);
        Assert.InRange(amplitudes[0] / amplitudes[9], 9.9, 10.1);
        Assert.True(signal.Max(Math.Abs) <= 1f);
    }

    [Fact]
    public void AnOddOnlyHumHasNoEvenHarmonics()
    {
        var hum = new MachineHum(Fundamental: 50, Rolloff: 1, OddOnly: true, Drift: 0, DriftRate: 0.5, ModulationDepth: 0, ModulationRate: 10);
        var signal = hum.Render(Rate, Rate, new Random(2));

        Assert.InRange(ToneAmplitude.Of(signal, 100) / ToneAmplitude.Of(signal, 50), 0, 1e-3);
        Assert.InRange(ToneAmplitude.Of(signal, 150) / ToneAmplitude.Of(signal, 50), 0.33, 0.34);
    }

    [Fact]
    public void ADriftingHumSpreadsItsFundamentalOverTheDriftAndModulationDipsItsLevel()
    {
        var steady = new MachineHum(Fundamental: 200, Rolloff: 2, OddOnly: false, Drift: 0, DriftRate: 1, ModulationDepth: 0, ModulationRate: 10);
        var drifting = steady with { Drift = 0.2 };
        var modulated = steady with { ModulationDepth = 0.9 };

        Assert.True(ToneAmplitude.Of(drifting.Render(Rate, Rate, new Random(3)), 200) < 0.5 * ToneAmplitude.Of(steady.Render(Rate, Rate, new Random(3)), 200));
        var envelope = modulated.Render(Rate, Rate, new Random(4)).Chunk(Rate / 100).Select(block => block.Max(Math.Abs)).ToArray();
        Assert.InRange(envelope.Min() / envelope.Max(), 0.05, 0.2);
    }

    [Fact]
    public void DrawnHumsSpanMainsToAvionicsAndAreBothSteadyAndDrifting()
    {
        var random = new Random(5);
        var hums = Enumerable.Range(0, 500).Select(_ => MachineHum.Draw(random)).ToArray();

        Assert.All(hums, h => Assert.InRange(h.Fundamental, 40, 1_000));
        Assert.Contains(hums, h => h.Fundamental < 60);
        Assert.Contains(hums, h => h.Fundamental > 800);
        Assert.InRange(hums.Count(h => h.Drift == 0), 200, 300);
        Assert.InRange(hums.Count(h => h.ModulationDepth == 0), 200, 300);
        Assert.InRange(hums.Count(h => h.OddOnly), 100, 200);
    }
}
