namespace MusicMask.Scoring;

/// <summary>
/// Music probabilities of a tile's windows, band-major: window (band b, column j) at [b·Windows + j];
/// band 0 is the lowest 64 bins, column 0 is the tile's first window column.
/// </summary>
public sealed record WindowScores(int TileIndex, long FirstWindow, int Windows, float[] Probabilities)
{
    public float this[int band, int column] => Probabilities[band * Windows + column];
}
