namespace MusicMask.Evaluation;

/// <summary>
/// Logistic regression with a fixed offset: P(music) = σ(offset + w · features + bias), by Newton's method. The
/// contexts fit how far a window's surroundings move its logit while the window's own logit, the offset, keeps its
/// weight, so the fit can never reorder the bands of a moment. A handful of parameters over tens of thousands of
/// windows: the Hessian is small and well conditioned unless a feature never varies.
/// </summary>
public static class OffsetLogisticRegression
{
    private const int MaxIterations = 50;

    /// <returns>The feature weights, then the bias.</returns>
    public static double[] Solve(IReadOnlyList<(double Offset, double[] Features, bool Music)> samples)
    {
        if (!samples.Any(s => s.Music) || !samples.Any(s => !s.Music))
        {
            throw new ArgumentException("fitting a context needs music and noise windows", nameof(samples));
        }

        var size = samples[0].Features.Length + 1;
        if (samples.Any(s => s.Features.Length != size - 1))
        {
            throw new ArgumentException("every window needs the same features", nameof(samples));
        }

        var weights = new double[size];
        var row = new double[size];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[size];
            var hessian = new double[size, size];
            foreach (var (offset, features, music) in samples)
            {
                features.CopyTo(row, 0);
                row[size - 1] = 1;
                var logit = offset;
                for (var k = 0; k < size; k++)
                {
                    logit += weights[k] * row[k];
                }

                var q = Scoring.ColumnContext.Sigmoid(logit);
                var (error, curvature) = (q - (music ? 1 : 0), q * (1 - q));
                for (var k = 0; k < size; k++)
                {
                    gradient[k] += error * row[k];
                    for (var l = 0; l <= k; l++)
                    {
                        hessian[k, l] += curvature * row[k] * row[l];
                    }
                }
            }

            // Singular at the start: a feature never varies; singular later: the curvature collapsed as the weights
            // grew without bound, which is what classes the features separate do.
            var step = SolveSymmetric(hessian, gradient) ?? throw (iteration == 0
                ? new InvalidOperationException("the context cannot be fitted: a feature of the windows does not vary")
                : Separated(weights));
            var moved = 0.0;
            for (var k = 0; k < size; k++)
            {
                weights[k] -= step[k];
                moved += Math.Abs(step[k]);
            }

            if (moved < 1e-9)
            {
                return weights;
            }
        }

        throw Separated(weights);
    }

    private static InvalidOperationException Separated(double[] weights) => new(
        $"the context did not converge ({string.Join(", ", weights.Select(w => w.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}): the classes are separated by the features alone");

    /// <summary>Solves H x = g by Cholesky, H given by its lower triangle; null when H is not positive definite.</summary>
    private static double[]? SolveSymmetric(double[,] lower, double[] right)
    {
        var n = right.Length;
        var factor = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = lower[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= factor[i, k] * factor[j, k];
                }

                if (i == j)
                {
                    // Relative to the diagonal, so that a feature that never varies is caught however many windows there
                    // are, and the shrinking curvature of classes the features separate is not mistaken for it.
                    if (!(lower[i, i] > 0 && sum > 1e-12 * lower[i, i]))
                    {
                        return null;
                    }

                    factor[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    factor[i, j] = sum / factor[j, j];
                }
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = right[i];
            for (var k = 0; k < i; k++)
            {
                sum -= factor[i, k] * y[k];
            }

            y[i] = sum / factor[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= factor[k, i] * x[k];
            }

            x[i] = sum / factor[i, i];
        }

        return x;
    }
}
