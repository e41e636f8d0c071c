using MusicMask.Training.Data;
using MusicMask.Transforms;

namespace MusicMask.Training.Tests.Data;

/// <summary>The synthetic rooms the trainer may play sources in, measured as room acousticians measure real ones.</summary>
public class RoomReverbTests
{
    private const int Rate = SpectrogramParameters.SampleRate;

    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(1.2, 0.6)]
    public void TheTailFallsSixtyDecibelsInTheRoomsRt60(double rt60, double damping)
    {
        var response = new RoomReverb(rt60, 0, 0.01, damping).ImpulseResponse(Rate, new Random(1));

        // Schroeder's backward integral of the tail; RT60 from its slope between -5 and -35 dB (T30), as ISO 3382.
        var tail = response[(int)(0.01 * Rate)..].Select(x => (double)x * x).ToArray();
        var remaining = new double[tail.Length];
        double sum = 0;
        for (var i = tail.Length - 1; i >= 0; i--)
        {
            remaining[i] = sum += tail[i];
        }

        int FirstBelow(double db) => Array.FindIndex(remaining, e => 10 * Math.Log10(e / remaining[0]) < db);
        var measured = 2.0 * (FirstBelow(-35) - FirstBelow(-5)) / Rate;

        Assert.InRange(measured, 0.9 * rt60, 1.1 * rt60);
    }

    [Theory]
    [InlineData(-6.0)]
    [InlineData(9.0)]
    public void TheDirectPathOutweighsTheTailByTheAskedRatio(double ratio)
    {
        var response = new RoomReverb(0.8, ratio, 0.02, 0.3).ImpulseResponse(Rate, new Random(2));

        var tailEnergy = response[1..].Sum(x => (double)x * x);

        Assert.Equal(1f, response[0]);
        Assert.All(response[1..(int)(0.02 * Rate)], x => Assert.Equal(0f, x));
        Assert.InRange(10 * Math.Log10(1 / tailEnergy), ratio - 0.01, ratio + 0.01);
    }

    [Fact]
    public void AToneBurstRingsOnAfterItEndsOnlyInTheRoom()
    {
        // 0.2 s of 1 kHz, then silence: the dry signal is silent after the burst; in a room with RT60 1 s the level
        // 0.1-0.2 s after the burst is about 12 dB under the level during it (60 dB per second), far above silence.
        var signal = new float[Rate];
        for (var i = 0; i < Rate / 5; i++)
        {
            signal[i] = (float)Math.Sin(2 * Math.PI * 1_000 * i / Rate);
        }

        var heard = new RoomReverb(1.0, 0, 0.01, 0.2).Apply(signal, Rate, new Random(3));
        double Rms(float[] x, double from, double to) => Math.Sqrt(x[(int)(from * Rate)..(int)(to * Rate)].Average(v => (double)v * v));

        Assert.Equal(signal.Length, heard.Length);
        Assert.Equal(0, Rms(signal, 0.3, 0.4));
        var fall = 20 * Math.Log10(Rms(heard, 0.1, 0.2) / Rms(heard, 0.3, 0.4));
        Assert.InRange(fall, 8, 16);
    }

    [Fact]
    public void DrawnRoomsSpanSmallRoomsToHalls()
    {
        var random = new Random(4);
        var rooms = Enumerable.Range(0, 500).Select(_ => RoomReverb.Draw(random)).ToArray();

        Assert.All(rooms, r => Assert.InRange(r.Rt60Seconds, 0.2, 1.5));
        Assert.All(rooms, r => Assert.InRange(r.DirectToReverberantDecibels, -6, 9));
        Assert.All(rooms, r => Assert.InRange(r.GapSeconds, 0.003, 0.03));
        Assert.All(rooms, r => Assert.InRange(r.Damping, 0, 0.7));
        Assert.Contains(rooms, r => r.Rt60Seconds < 0.3);
        Assert.Contains(rooms, r => r.Rt60Seconds > 1.4);
    }
}
