using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Scoring;

/// <summary>Scores every window of a tile in one run; <see cref="StripScorer"/> is the ONNX one. Thread-safe.</summary>
public interface ITileScorer
{
    ModelInfo Model { get; }

    /// <summary>How the model's window scores are read with the moments around them, over the whole recording; null for none.</summary>
    TimeContext? TimeContext { get; }

    WindowScores Score(SpectrogramTile tile);
}
