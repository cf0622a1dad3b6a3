namespace Kstat.Tree;

/// <content>Typed lookups: Perl's <c>defined $x ? $x : 0</c> as one call that converts the value checked.</content>
public sealed partial class KstatReading
{
    /// <summary>Gets a statistic as a signed 64-bit integer if the reading has it (a time as nanoseconds).</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists; a statistic that exists but does not convert throws rather than pass for a missing one.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic does not fit in a <see cref="long"/>.</exception>
    public bool TryGetInt64(string key, out long value)
    {
        bool found = TryGetValue(key, out var v);
        value = found ? v.ToInt64() : 0;
        return found;
    }

    /// <summary>Gets a statistic as an unsigned 64-bit integer if the reading has it (a time as nanoseconds).</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists; a statistic that exists but does not convert throws rather than pass for a missing one.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic is negative.</exception>
    public bool TryGetUInt64(string key, out ulong value)
    {
        bool found = TryGetValue(key, out var v);
        value = found ? v.ToUInt64() : 0;
        return found;
    }

    /// <summary>Gets a statistic as a double if the reading has it (a time as seconds, as Perl gives it).</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="value">The value, or 0 when the statistic is missing.</param>
    /// <returns><see langword="true"/> when the statistic exists; a statistic that exists but is text throws rather than pass for a missing one.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    public bool TryGetDouble(string key, out double value)
    {
        bool found = TryGetValue(key, out var v);
        value = found ? v.ToDouble() : 0;
        return found;
    }

    /// <summary>Gets a statistic as a signed 64-bit integer (a time as nanoseconds), or <paramref name="defaultValue"/> when the reading does not have it: Perl's <c>$x // 0</c>.</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic does not fit in a <see cref="long"/>.</exception>
    public long GetInt64OrDefault(string key, long defaultValue = 0) => TryGetValue(key, out var v) ? v.ToInt64() : defaultValue;

    /// <summary>Gets a statistic as an unsigned 64-bit integer, or <paramref name="defaultValue"/> when the reading does not have it: Perl's <c>$x // 0</c>.</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    /// <exception cref="OverflowException">The statistic is negative.</exception>
    public ulong GetUInt64OrDefault(string key, ulong defaultValue = 0) => TryGetValue(key, out var v) ? v.ToUInt64() : defaultValue;

    /// <summary>Gets a statistic as a double (a time as seconds), or <paramref name="defaultValue"/> when the reading does not have it: Perl's <c>$x // 0</c>.</summary>
    /// <param name="key">A statistic name.</param>
    /// <param name="defaultValue">What a missing statistic gives.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The statistic is text.</exception>
    public double GetDoubleOrDefault(string key, double defaultValue = 0) => TryGetValue(key, out var v) ? v.ToDouble() : defaultValue;
}
