namespace Kstat.Tree;

/// <summary>
/// Typed lookups of a statistic that may be missing, on a <see cref="KstatLeaf"/>, a <see cref="KstatReading"/> or any
/// dictionary of values: Perl's <c>defined $x ? $x : 0</c> (or <c>$x // 0</c>) as one call that converts the value
/// checked.
/// </summary>
/// <remarks>
/// Only a missing statistic gives the default (or <see langword="false"/>): a statistic that is there but does not
/// convert (text, a negative number for an unsigned result) throws rather than pass for a missing one. A time converts
/// as its casts do: to an integer as nanoseconds, to a double as seconds. On a leaf the lookup reads the kstat as any
/// lookup does, so it may also throw <see cref="KstatNotFoundException"/> (the kstat is gone and was never read) and
/// <see cref="ObjectDisposedException"/>.
/// </remarks>
public static class KstatValueDictionaryExtensions
{
    /// <summary>Gets a statistic as a signed 64-bit integer if there is one (a time as nanoseconds).</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic does not fit in a <see cref="long"/>.</exception>
    public static bool TryGetInt64(this IReadOnlyDictionary<string, KstatValue> statistics, string key, out long value)
    {
        bool found = Find(statistics, key, out var v);
        value = found ? v.ToInt64() : 0;
        return found;
    }

    /// <summary>Gets a statistic as an unsigned 64-bit integer if there is one (a time as nanoseconds).</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic is negative.</exception>
    public static bool TryGetUInt64(this IReadOnlyDictionary<string, KstatValue> statistics, string key, out ulong value)
    {
        bool found = Find(statistics, key, out var v);
        value = found ? v.ToUInt64() : 0;
        return found;
    }

    /// <summary>Gets a statistic as a double if there is one (a time as seconds, as Perl gives it).</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    public static bool TryGetDouble(this IReadOnlyDictionary<string, KstatValue> statistics, string key, out double value)
    {
        bool found = Find(statistics, key, out var v);
        value = found ? v.ToDouble() : 0;
        return found;
    }

    /// <summary>Gets a statistic as a signed 64-bit integer (a time as nanoseconds), or <paramref name="defaultValue"/> when it is missing.</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic does not fit in a <see cref="long"/>.</exception>
    public static long GetInt64OrDefault(this IReadOnlyDictionary<string, KstatValue> statistics, string key, long defaultValue = 0) =>
        Find(statistics, key, out var v) ? v.ToInt64() : defaultValue;

    /// <summary>Gets a statistic as an unsigned 64-bit integer (a time as nanoseconds), or <paramref name="defaultValue"/> when it is missing.</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic is negative.</exception>
    public static ulong GetUInt64OrDefault(this IReadOnlyDictionary<string, KstatValue> statistics, string key, ulong defaultValue = 0) =>
        Find(statistics, key, out var v) ? v.ToUInt64() : defaultValue;

    /// <summary>Gets a statistic as a double (a time as seconds), or <paramref name="defaultValue"/> when it is missing.</summary>
    /// <param name="statistics">A leaf, a reading or another dictionary of values.</param>
    /// <param name="key">The statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    public static double GetDoubleOrDefault(this IReadOnlyDictionary<string, KstatValue> statistics, string key, double defaultValue = 0) =>
        Find(statistics, key, out var v) ? v.ToDouble() : defaultValue;

    private static bool Find(IReadOnlyDictionary<string, KstatValue> statistics, string key, out KstatValue value)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(key);
        return statistics.TryGetValue(key, out value);
    }
}
