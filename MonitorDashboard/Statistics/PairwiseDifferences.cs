namespace MonitorDashboard.Statistics;

/// <summary>
/// Order statistics of the n1 n2 differences a_j - b_i without materialising them.
/// With a ascending and b descending the differences form a matrix sorted along rows and columns, so
/// "how many are &lt;= t" is one staircase walk of O(n1 + n2). A randomised selection that keeps, per row,
/// the column window still in play (Monahan 1984, after Johnson and Mizoguchi 1978) finds the k-th
/// smallest in expected O((n1 + n2) log(n1 n2)) time and O(n1 + n2) memory.
/// </summary>
internal sealed class PairwiseDifferences
{
    private const int DirectSelectionSize = 4096;

    private readonly double[] _ascending;
    private readonly double[] _descending;
    private readonly int[] _lowerColumn;
    private readonly int[] _upperColumn;
    private readonly int[] _countLess;
    private readonly int[] _countLessOrEqual;

    public PairwiseDifferences(double[] candidateAscending, double[] baselineAscending)
    {
        _ascending = candidateAscending;
        _descending = (double[])baselineAscending.Clone();
        Array.Reverse(_descending);
        _lowerColumn = new int[_ascending.Length];
        _upperColumn = new int[_ascending.Length];
        _countLess = new int[_ascending.Length];
        _countLessOrEqual = new int[_ascending.Length];
    }

    public long Count => (long)_ascending.Length * _descending.Length;

    private double At(int row, int column) => _ascending[row] - _descending[column];

    /// <summary>The k-th smallest difference, k from 1 to <see cref="Count"/>.</summary>
    public double Select(long k)
    {
        if (k < 1 || k > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k));
        }
        var rows = _ascending.Length;
        Array.Fill(_lowerColumn, 0);
        Array.Fill(_upperColumn, _descending.Length);
        long active = Count;
        long below = 0; // differences known to be smaller than the answer
        // The result is exact whatever the pivots; a fixed seed only keeps the running time reproducible.
        var random = new Random(20_240_601);

        while (active > DirectSelectionSize)
        {
            var pivot = ActiveElement(random.NextInt64(active));
            CountAtMost(pivot, strict: true, _countLess);
            CountAtMost(pivot, strict: false, _countLessOrEqual);
            long less = 0, lessOrEqual = 0;
            for (var r = 0; r < rows; r++)
            {
                less += _countLess[r];
                lessOrEqual += _countLessOrEqual[r];
            }
            if (k <= less)
            {
                for (var r = 0; r < rows; r++)
                {
                    _upperColumn[r] = Math.Min(_upperColumn[r], _countLess[r]);
                }
            }
            else if (k <= lessOrEqual)
            {
                return pivot;
            }
            else
            {
                for (var r = 0; r < rows; r++)
                {
                    _lowerColumn[r] = Math.Max(_lowerColumn[r], _countLessOrEqual[r]);
                }
            }
            active = 0;
            below = 0;
            for (var r = 0; r < rows; r++)
            {
                active += Math.Max(0, _upperColumn[r] - _lowerColumn[r]);
                below += _lowerColumn[r];
            }
        }

        var remaining = new List<double>((int)active);
        for (var r = 0; r < rows; r++)
        {
            for (var c = _lowerColumn[r]; c < _upperColumn[r]; c++)
            {
                remaining.Add(At(r, c));
            }
        }
        remaining.Sort();
        return remaining[(int)(k - below - 1)];
    }

    /// <summary>The k-th smallest difference and the (k + 1)-th, for the median of an even count, in one selection.</summary>
    public (double Kth, double Next) SelectWithNext(long k)
    {
        var kth = Select(k);
        if (k >= Count)
        {
            return (kth, kth);
        }
        CountAtMost(kth, strict: false, _countLessOrEqual);
        long atMost = 0;
        var next = double.PositiveInfinity;
        for (var r = 0; r < _ascending.Length; r++)
        {
            atMost += _countLessOrEqual[r];
            if (_countLessOrEqual[r] < _descending.Length)
            {
                next = Math.Min(next, At(r, _countLessOrEqual[r]));
            }
        }
        return (kth, atMost > k ? kth : next);
    }

    private double ActiveElement(long index)
    {
        for (var r = 0; r < _ascending.Length; r++)
        {
            var width = _upperColumn[r] - _lowerColumn[r];
            if (width <= 0)
            {
                continue;
            }
            if (index < width)
            {
                return At(r, _lowerColumn[r] + (int)index);
            }
            index -= width;
        }
        throw new InvalidOperationException("Active window is empty.");
    }

    /// <summary>Per row, how many differences are &lt; t (strict) or &lt;= t: non-increasing down the rows.</summary>
    private void CountAtMost(double t, bool strict, int[] counts)
    {
        var column = _descending.Length;
        for (var r = 0; r < _ascending.Length; r++)
        {
            while (column > 0 && (strict ? At(r, column - 1) >= t : At(r, column - 1) > t))
            {
                column--;
            }
            counts[r] = column;
        }
    }
}
