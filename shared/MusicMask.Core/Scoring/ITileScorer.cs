using MusicMask.Outputs;
using MusicMask.Segmentation;

namespace MusicMask.Scoring;

/// <summary>Scores every window of a tile in one run; <see cref="StripScorer"/> is the ONNX one. Thread-safe.</summary>
public interface ITileScorer
{
    ModelInfo Model { get; }

    WindowScores Score(SpectrogramTile tile);
}
