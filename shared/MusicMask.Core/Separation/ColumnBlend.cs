using System.Numerics.Tensors;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// Per-frame values of a column-wise grid, read linearly in time between column centres (frame 16c + 7.5, held flat
/// beyond the outer centres). Each column's 257 values are built once by <c>fillColumn</c> and kept while frames
/// fall between the same two columns, so a frame costs one vector blend, not a walk over the grid.
/// </summary>
internal sealed class ColumnBlend(int columns, ColumnBlend.ColumnFiller fillColumn)
{
    /// <summary>Writes the 257 values of <paramref name="column"/>.</summary>
    public delegate void ColumnFiller(int column, Span<float> values);

    private float[] _left = new float[RealFft512.SpectrumBins];
    private float[] _right = new float[RealFft512.SpectrumBins];
    private readonly float[] _difference = new float[RealFft512.SpectrumBins];
    private int _leftColumn = -1;
    private int _rightColumn = -1;

    /// <summary>Fills 257 values for <paramref name="frame"/>. Not thread-safe.</summary>
    public void Fill(long frame, Span<float> values)
    {
        var (left, right, across) = CellInterpolation.Between(frame, columns, WindowGrid.Stride);
        if (left != _leftColumn || right != _rightColumn)
        {
            if (left == _rightColumn)
            {
                (_left, _right) = (_right, _left);
            }
            else
            {
                fillColumn(left, _left);
            }

            if (right != left)
            {
                fillColumn(right, _right);
            }
            else
            {
                _left.CopyTo(_right, 0);
            }

            TensorPrimitives.Subtract(_right, _left, _difference);
            (_leftColumn, _rightColumn) = (left, right);
        }

        TensorPrimitives.MultiplyAdd(_difference, across, _left, values);
    }
}
