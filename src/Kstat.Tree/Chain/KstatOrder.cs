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

    /// <summary>Compares two kstats by module, instance and name, the way kstat(1) sorts them; exact ties are broken ordinally so the order is total.</summary>
    /// <param name="xModule">The first module.</param>
    /// <param name="xInstance">The first instance.</param>
    /// <param name="xName">The first name.</param>
    /// <param name="yModule">The second module.</param>
    /// <param name="yInstance">The second instance.</param>
    /// <param name="yName">The second name.</param>
    /// <returns>Negative, zero or positive.</returns>
    internal static int Compare(string xModule, int xInstance, string xName, string yModule, int yInstance, string yName)
    {
        int c = CompareNames(xModule, yModule);
        if (c != 0)
        {
            return c;
        }

        c = xInstance.CompareTo(yInstance);
        if (c != 0)
        {
            return c;
        }

        c = CompareNames(xName, yName);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(xModule, yModule);
        return c != 0 ? c : string.CompareOrdinal(xName, yName);
    }

    /// <summary>Compares two headers the way kstat(1) sorts kstats.</summary>
    /// <param name="x">The first header.</param>
    /// <param name="y">The second header.</param>
    /// <returns>Negative, zero or positive.</returns>
    public static int Compare(KstatHeader x, KstatHeader y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Compare(x.Module, x.Instance, x.Name, y.Module, y.Instance, y.Name);
    }

    /// <summary>Gets a comparer of headers in kstat(1) order.</summary>
    public static IComparer<KstatHeader> Headers { get; } = Comparer<KstatHeader>.Create(Compare);

    /// <summary>Gets a comparer of statistic (or module, or name) strings in <c>strcasecmp</c> order.</summary>
    public static IComparer<string> Names { get; } = Comparer<string>.Create(CompareNames);

    private static int Fold(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;
}
