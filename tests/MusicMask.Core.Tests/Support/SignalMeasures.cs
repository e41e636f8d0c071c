namespace MusicMask.Tests.Support;

public static class SignalMeasures
{
    /// <summary>√(Σ(expected − actual)² / Σ expected²): how far a signal is from the one it should be, relative to it.</summary>
    public static double RelativeRms(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double error = 0, energy = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            error += (expected[i] - actual[i]) * (double)(expected[i] - actual[i]);
            energy += expected[i] * (double)expected[i];
        }

        return Math.Sqrt(error / energy);
    }
}
