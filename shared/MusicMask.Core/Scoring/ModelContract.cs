namespace MusicMask.Scoring;

/// <summary>The names a scoring model's graph must use, shared by the scorer and the exporter.</summary>
public static class ModelContract
{
    public const string InputName = "spectrogram_db";
    public const string OutputName = "music_probability";

    /// <summary>The output of a pixel head's readout of tap <paramref name="tap"/> (0-based), in a model that has one.</summary>
    public static string PixelLogitsName(int tap) => $"pixel_logits_{tap + 1}";
}
