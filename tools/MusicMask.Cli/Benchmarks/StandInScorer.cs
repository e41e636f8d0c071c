using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Cli.Benchmarks;

/// <summary>Scores without a model: a fixed pattern per window, so coordination is measured apart from ONNX.</summary>
internal sealed class StandInScorer : ITileScorer
{
    public ModelInfo Model { get; } = new("stand-in", "1", new string('0', 64));

    public TimeContext? TimeContext => null;

    public WindowScores Score(SpectrogramTile tile)
    {
        var probabilities = new float[WindowGrid.BandPositions * tile.Range.Windows];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = (tile.Range.FirstWindow + i) % 7 < 4 ? 0.8f : 0.2f;
        }

        return new WindowScores(tile.Range.Index, tile.Range.FirstWindow, tile.Range.Windows, probabilities);
    }
}
