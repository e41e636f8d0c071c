namespace MusicMask.Audio;

/// <summary>How ffmpeg is run for the formats the native WAV reader does not take.</summary>
public sealed record FfmpegOptions
{
    public static readonly FfmpegOptions Default = new();

    /// <summary>The ffmpeg executable; null looks it up on PATH.</summary>
    public string? Executable { get; init; }

    /// <summary>How long ffmpeg may go without producing a sample before the file counts as undecodable.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
