namespace MusicMask.Scoring;

/// <summary>The names a scoring model's graph must use, shared by the scorer and the exporter.</summary>
public static class ModelContract
{
    public const string InputName = "spectrogram_db";
    public const string OutputName = "music_probability";
}
