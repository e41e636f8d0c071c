namespace MusicMask.Separation;

/// <summary>The lower median of a multiset of small integers, kept as a histogram whose median moves a step at a time.</summary>
internal sealed class SlidingMedian(int steps)
{
    /// <summary>Writes to <paramref name="medians"/>, for each position of <paramref name="line"/>, the lower median of its values over ±<paramref name="halfSpan"/> positions (fewer at the ends).</summary>
    public static void Along(ReadOnlySpan<int> line, int steps, int halfSpan, Span<int> medians)
    {
        var median = new SlidingMedian(steps);
        for (var i = 0; i < Math.Min(halfSpan, line.Length); i++)
        {
            median.Add(line[i]);
        }

        for (var i = 0; i < line.Length; i++)
        {
            if (i + halfSpan < line.Length)
            {
                median.Add(line[i + halfSpan]);
            }

            if (i - halfSpan - 1 >= 0)
            {
                median.Remove(line[i - halfSpan - 1]);
            }

            medians[i] = median.Value;
        }
    }

    private readonly int[] _counts = new int[steps];
    private int _total;
    private int _median;
    private int _below;

    public int Value
    {
        get
        {
            var rank = (_total - 1) / 2;
            while (_below > rank)
            {
                _median--;
                _below -= _counts[_median];
            }

            while (_below + _counts[_median] <= rank)
            {
                _below += _counts[_median];
                _median++;
            }

            return _median;
        }
    }

    public void Add(int step)
    {
        _counts[step]++;
        _total++;
        if (step < _median)
        {
            _below++;
        }
    }

    public void Remove(int step)
    {
        _counts[step]--;
        _total--;
        if (step < _median)
        {
            _below--;
        }
    }
}
