using System.Numerics.Tensors;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Scoring;

/// <summary>
/// Windows that are digital silence in every pixel hold no music: their probability is set to 0 whatever the model
/// says. A model that cannot read level (the only kind that survives quiet transfers) sees such a window as a flat
/// image, which is no evidence either way; a short clip ending in zeros must not end in music.
/// </summary>
public static class SilenceGate
{
    /// <summary>Pixels at or below this are digital silence (an all-zero frame is -100 dB; one 16-bit LSB of noise is near -70).</summary>
    public const float SilentDecibels = SpectrogramParameters.SilenceDecibels + 1;

    private const int Bins = SpectrogramParameters.Bins;
    private const int CellRows = WindowGrid.CellRows;

    /// <summary>Zeroes, in band-major <paramref name="probabilities"/>, every window of the tile that is wholly silent.</summary>
    public static void Apply(SpectrogramTile tile, float[] probabilities)
    {
        var frames = tile.FrameCount;
        var windows = tile.Range.Windows;
        var soundInCell = new bool[CellRows * frames];
        var anySilentCell = false;
        for (var f = 0; f < frames; f++)
        {
            var frame = tile.Frames.AsSpan(f * Bins, Bins);
            for (var row = 0; row < CellRows; row++)
            {
                var sound = TensorPrimitives.Max(frame.Slice(row * WindowGrid.Stride, WindowGrid.Stride)) > SilentDecibels;
                soundInCell[row * frames + f] = sound;
                anySilentCell |= !sound;
            }
        }

        if (!anySilentCell)
        {
            return;
        }

        // Per band: how many frames up to each one hold sound in any of the band's cell rows.
        var soundFramesBefore = new int[frames + 1];
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var f = 0; f < frames; f++)
            {
                var sound = false;
                for (var row = band; row < band + WindowGrid.CellsPerWindowRow; row++)
                {
                    sound |= soundInCell[row * frames + f];
                }

                soundFramesBefore[f + 1] = soundFramesBefore[f] + (sound ? 1 : 0);
            }

            for (var column = 0; column < windows; column++)
            {
                var first = column * WindowGrid.Stride;
                if (soundFramesBefore[first + WindowGrid.WindowWidth] == soundFramesBefore[first])
                {
                    probabilities[band * windows + column] = 0;
                }
            }
        }
    }
}
