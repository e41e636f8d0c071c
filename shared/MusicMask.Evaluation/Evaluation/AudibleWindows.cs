using MusicMask.Segmentation;

namespace MusicMask.Evaluation;

/// <summary>
/// The audibility protocol beside the paper's: a mixture window is music only where the music's power over the
/// window's cells exceeds the noise's by <see cref="MarginDecibels"/> (the ideal binary mask's rule, per window),
/// otherwise noise; windows of the noise alone are noise. The paper's protocol calls every mixture window music,
/// so at low SNRs it asks the model to find music nobody could hear.
/// </summary>
public sealed class AudibleWindows(float silentWindowDecibels)
{
    /// <summary>0 dB: the music is audible where it is the louder source, as in the ideal binary mask.</summary>
    public const double MarginDecibels = 0;

    private readonly List<float> _scores = [];
    private readonly List<bool> _labels = [];

    public int Count => _scores.Count;

    /// <summary>Adds a mixture's windows above the silence floor, labelled by which source is louder in them.</summary>
    public void AddMixture(ScoredSignal mixture, double[] musicCellPower, double[] noiseCellPower)
    {
        var columns = mixture.Map.Columns;
        var margin = Math.Pow(10, MarginDecibels / 10);
        for (var i = 0; i < mixture.WindowProbabilities.Length; i++)
        {
            if (mixture.WindowDecibels[i] < silentWindowDecibels)
            {
                continue;
            }

            var (band, column) = ((int)(i / mixture.Grid.WindowColumns), i % mixture.Grid.WindowColumns);
            double music = 0, noise = 0;
            for (var row = band; row < band + WindowGrid.CellsPerWindowRow; row++)
            {
                for (var c = column; c < column + WindowGrid.CellsPerWindowColumn && c < columns; c++)
                {
                    music += musicCellPower[row * columns + c];
                    noise += noiseCellPower[row * columns + c];
                }
            }

            _scores.Add(mixture.WindowProbabilities[i]);
            _labels.Add(music > noise * margin);
        }
    }

    /// <summary>Adds the noise alone's windows above the silence floor, all noise.</summary>
    public void AddNoise(ScoredSignal noise)
    {
        for (var i = 0; i < noise.WindowProbabilities.Length; i++)
        {
            if (noise.WindowDecibels[i] >= silentWindowDecibels)
            {
                _scores.Add(noise.WindowProbabilities[i]);
                _labels.Add(false);
            }
        }
    }

    /// <summary>The AUC under audibility labels; null when one of the classes has no window.</summary>
    public double? Auc() => _labels.Contains(true) && _labels.Contains(false) ? RocCurve.Compute(_scores, _labels).Auc : null;
}
