using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Evaluation;

/// <summary>
/// Oracle masks from the music and the noise of a mixture heard apart: 1 where the music has more power than the
/// noise, per pixel or per 16x16 cell (the cell held flat, as the paper's mask is), on the grid of <see cref="MaskedStft"/>.
/// </summary>
public sealed class IdealMasks
{
    private readonly float[][] _music;
    private readonly float[][] _noise;

    public IdealMasks(float[] music, float[] noise)
    {
        _music = FramePowers(music);
        _noise = FramePowers(noise);
    }

    public ISpectralMask Pixels => new Pixel(this);

    public ISpectralMask Cells => new Cell(CellWins());

    /// <summary>|X|² of every frame from -3 on (index frame + 3), 257 bins.</summary>
    public static float[][] FramePowers(float[] signal)
    {
        var recorder = new PowerRecorder();
        var stft = new MaskedStft(recorder, (_, _, _) => { });
        stft.Process(signal);
        stft.Flush();
        return recorder.Frames.ToArray();
    }

    private bool[] CellWins()
    {
        var columns = (int)((_music.Length - MaskedStft.LeadFrames + WindowGrid.Stride - 1) / WindowGrid.Stride);
        var music = new double[WindowGrid.CellRows * columns];
        var noise = new double[music.Length];
        for (var frame = 0; frame < _music.Length - MaskedStft.LeadFrames; frame++)
        {
            for (var bin = 0; bin < SpectrogramParameters.Bins; bin++)
            {
                var cell = bin / WindowGrid.Stride * columns + frame / WindowGrid.Stride;
                music[cell] += _music[frame + MaskedStft.LeadFrames][bin];
                noise[cell] += _noise[frame + MaskedStft.LeadFrames][bin];
            }
        }

        return music.Select((m, i) => m > noise[i]).ToArray();
    }

    private sealed class Pixel(IdealMasks masks) : ISpectralMask
    {
        public int ContextFrames => 0;

        public void Gains(long frame, SpectralContext context, Span<float> gains)
        {
            var (music, noise) = (masks._music[frame + MaskedStft.LeadFrames], masks._noise[frame + MaskedStft.LeadFrames]);
            for (var bin = 0; bin < gains.Length; bin++)
            {
                gains[bin] = music[bin] > noise[bin] ? 1 : 0;
            }
        }
    }

    private sealed class Cell(bool[] wins) : ISpectralMask
    {
        private readonly int _columns = wins.Length / WindowGrid.CellRows;

        public int ContextFrames => 0;

        public void Gains(long frame, SpectralContext context, Span<float> gains)
        {
            var column = (int)Math.Clamp(frame / WindowGrid.Stride, 0, _columns - 1);
            for (var bin = 0; bin < gains.Length; bin++)
            {
                var row = Math.Min(bin, SpectrogramParameters.Bins - 1) / WindowGrid.Stride;
                gains[bin] = wins[row * _columns + column] ? 1 : 0;
            }
        }
    }

    private sealed class PowerRecorder : ISpectralMask
    {
        public List<float[]> Frames { get; } = [];

        public int ContextFrames => 0;

        public void Gains(long frame, SpectralContext context, Span<float> gains)
        {
            Frames.Add(context.Power(0).ToArray());
            gains.Fill(1);
        }
    }
}
