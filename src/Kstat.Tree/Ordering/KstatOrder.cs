namespace Kstat.Tree;

/// <summary>
/// The order illumos kstat(1) prints in: module and name compared with <c>strcasecmp</c> (ASCII letters
/// fold to lower case), instance numerically.
/// </summary>
public static class KstatOrder
{
    /// <summary>Compares two strings as C <c>strcasecmp</c> does in the C locale (ASCII case folding, then ordinal).</summary>
    /// <param name="x">The first string.</param>
    /// <param name="y">The second string.</param>
    /// <returns>Negative, zero or positive.</returns>
    public static int CompareNames(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            int a = Fold(x[i]);
            int b = Fold(y[i]);
            if (a != b)
            {
                return a - b;
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Compares two headers the way kstat(1) sorts kstats.</summary>
    /// <param name="x">The first header.</param>
    /// <param name="y">The second header.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <remarks>
    /// Module and name as <see cref="CompareNames"/> compares them, instance numerically. kstat(1) sorts by inserting each
    /// kstat of the chain before the first one listed that is not smaller, so kstats equal but for the case of their
    /// module or name come out with the later chain entry first: libkstat's chain is in kid order, so the higher
    /// <see cref="KstatHeader.Kid"/> comes first here. Headers equal in all of that are ordered ordinally, so the order is total.
    /// </remarks>
    public static int Compare(KstatHeader x, KstatHeader y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int c = CompareKeys(x, y);
        if (c != 0)
        {
            return c;
        }

        c = y.Kid.CompareTo(x.Kid);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Module, y.Module);
        return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
    }

    /// <summary>Compares module, instance and name as kstat(1) does: 0 for kstats equal but for case, whose order the caller decides.</summary>
    internal static int CompareKeys(KstatHeader x, KstatHeader y)
    {
        int c = CompareNames(x.Module, y.Module);
        if (c != 0)
        {
            return c;
        }

        c = x.Instance.CompareTo(y.Instance);
        return c != 0 ? c : CompareNames(x.Name, y.Name);
    }

    /// <summary>Gets a comparer of headers in kstat(1) order.</summary>
    public static IComparer<KstatHeader> Headers { get; } = Comparer<KstatHeader>.Create(Compare);

    /// <summary>Gets a comparer of statistic (or module, or name) strings in <c>strcasecmp</c> order.</summary>
    public static IComparer<string> Names { get; } = Comparer<string>.Create(CompareNames);

    private static int Fold(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;
}
