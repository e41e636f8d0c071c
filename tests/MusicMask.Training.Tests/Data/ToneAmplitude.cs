namespace MusicMask.Training.Tests.Data;

internal static class ToneAmplitude
{
    /// <summary>The amplitude of the sinusoid at <paramref name="frequency"/> in the signal, by correlation over all of it.</summary>
    public static double Of(float[] signal, double frequency, int sampleRate = 44_100)
    {
        double re = 0, im = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += signal[i] * Math.Cos(angle);
            im -= signal[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt(re * re + im * im) / signal.Length;
    }
}
