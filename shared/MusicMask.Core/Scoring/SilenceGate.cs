using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Scoring;

/// <summary>
/// Windows at the spectrogram's floor hold no evidence and score 0 whatever the model says. A model that cannot read
/// level sees digital silence as a flat image, and the hiss of a 24-bit or float pause, squashed against the -100 dB
/// floor, as a faint texture: neither may come out as music.
/// </summary>
public static class SilenceGate
{
    /// <summary>
    /// Mean dB under which a window is silence: within 10 dB of the floor. Digital zeros are -100 and float white
    /// noise at -115 dBFS RMS falls under it; 16-bit dither stays above it and is left to the model. Well under the
    /// -75 dB under which the trainer labels nothing and eval scores nothing, so no AUC moves.
    /// </summary>
    public const float FloorWindowDecibels = SpectrogramParameters.SilenceDecibels + 10;

    /// <summary>Zeroes, in band-major <paramref name="probabilities"/>, every window of the tile at the floor.</summary>
    /// <param name="levels">The windows' mean dB (<see cref="WindowLevels"/>), in the probabilities' layout.</param>
    public static void Apply(float[] levels, float[] probabilities)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] < FloorWindowDecibels)
            {
                probabilities[i] = 0;
            }
        }
    }
}
