namespace MusicMask.Transforms;

/// <summary>The periodic Hann window of 512 samples that weights every frame: w[n] = 0.5 − 0.5·cos(2πn/512).</summary>
internal static class AnalysisWindow
{
    public static readonly float[] Hann = Enumerable.Range(0, SpectrogramParameters.FftSize)
        .Select(n => (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / SpectrogramParameters.FftSize)))
        .ToArray();
}
