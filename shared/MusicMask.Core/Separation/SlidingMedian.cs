namespace MusicMask.Separation;

/// <summary>The lower median of a multiset of small integers, kept as a histogram whose median moves a step at a time.</summary>
internal sealed class SlidingMedian(int steps)
{
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
