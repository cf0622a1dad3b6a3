using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// What changed in one kstat between two readings: exact per-statistic differences and rates per second over the
/// readings' <c>snaptime</c>, so "previous vs current" needs no bookkeeping (Perl scripts <c>copy()</c> and subtract).
/// </summary>
/// <remarks>
/// <para>Differences follow the counter kinds: unsigned values are counters and are subtracted modulo their width,
/// so a 32-bit counter that wrapped once between the readings (cpu_stat ticks, <c>rbytes</c>) still gives the right
/// count; signed values give the signed difference as <see cref="KstatValueKind.Int64"/>; times give a time;
/// doubles a double. Text, and statistics whose kind changed, have no difference. For a gauge (a value that may
/// go down, such as <c>freemem</c>) use <see cref="Change"/>.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
[DebuggerDisplay("{Count} differences over {ElapsedNanoseconds} ns")]
public sealed class KstatDelta
{
    private KstatDelta(KstatReading earlier, KstatReading later)
    {
        Earlier = earlier;
        Later = later;
    }

    /// <summary>Gets the earlier reading.</summary>
    public KstatReading Earlier { get; }

    /// <summary>Gets the later reading.</summary>
    public KstatReading Later { get; }

    /// <summary>Gets the time between the readings' snapshots, in nanoseconds.</summary>
    public long ElapsedNanoseconds => Later.SnapTime - Earlier.SnapTime;

    /// <summary>Gets the time between the readings' snapshots, in seconds.</summary>
    public double ElapsedSeconds => ElapsedNanoseconds / 1e9;

    /// <summary>Gets the names of the statistics that have a difference, in the later reading's order.</summary>
    public IEnumerable<string> Names => Later.Keys.Where(n => TryGetDifference(n, out _));

    /// <summary>Gets the number of statistics that have a difference.</summary>
    public int Count => Names.Count();

    /// <summary>Gets the difference of one statistic (later − earlier, counters modulo their width).</summary>
    /// <param name="name">The statistic name.</param>
    /// <exception cref="KeyNotFoundException">The statistic is missing from a reading, is text, or changed kind.</exception>
    public KstatValue this[string name] =>
        TryGetDifference(name, out var d) ? d : throw new KeyNotFoundException($"The statistic '{name}' has no difference between the two readings.");

    /// <summary>Computes the difference between two readings of the same kstat.</summary>
    /// <param name="earlier">The earlier reading.</param>
    /// <param name="later">The later reading.</param>
    /// <returns>The delta.</returns>
    /// <exception cref="ArgumentNullException">A reading is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="later"/> was taken before <paramref name="earlier"/>.</exception>
    public static KstatDelta Between(KstatReading earlier, KstatReading later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (later.SnapTime < earlier.SnapTime)
        {
            throw new ArgumentException($"The later reading (snaptime {later.SnapTime}) was taken before the earlier one ({earlier.SnapTime}).", nameof(later));
        }

        return new KstatDelta(earlier, later);
    }

    /// <summary>Gets the difference of one statistic if it has one.</summary>
    /// <param name="name">The statistic name.</param>
    /// <param name="difference">The difference, of the kind described on <see cref="KstatDelta"/>.</param>
    /// <returns><see langword="true"/> when both readings hold the statistic as numbers of one kind.</returns>
    public bool TryGetDifference(string name, out KstatValue difference)
    {
        difference = default;
        if (!Earlier.TryGetValue(name, out var a) || !Later.TryGetValue(name, out var b) || a.Kind != b.Kind)
        {
            return false;
        }

        switch (a.Kind)
        {
            case KstatValueKind.UInt32:
                difference = unchecked((uint)(b.ToUInt64() - a.ToUInt64()));
                return true;
            case KstatValueKind.UInt64:
                difference = unchecked(b.ToUInt64() - a.ToUInt64());
                return true;
            case KstatValueKind.Int32:
            case KstatValueKind.Int64:
                difference = checked(b.ToInt64() - a.ToInt64());
                return true;
            case KstatValueKind.HrTime:
                difference = KstatValue.HrTime(checked(b.ToInt64() - a.ToInt64()));
                return true;
            case KstatValueKind.Double:
                difference = b.ToDouble() - a.ToDouble();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Gets the exact signed change of an integer or time statistic (later − earlier, no wrap-around): for gauges.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>The change; nanoseconds for a time.</returns>
    /// <exception cref="KeyNotFoundException">The statistic is missing from a reading.</exception>
    /// <exception cref="InvalidCastException">The statistic is not an integer or a time.</exception>
    /// <exception cref="OverflowException">The change does not fit in a <see cref="long"/>.</exception>
    public long Change(string name)
    {
        var a = Earlier[name];
        var b = Later[name];
        if (!(a.IsInteger || a.Kind == KstatValueKind.HrTime) || !(b.IsInteger || b.Kind == KstatValueKind.HrTime))
        {
            throw new InvalidCastException($"The statistic '{name}' is {a.Kind}/{b.Kind}, not an integer or a time.");
        }

        return checked((long)(Exact(b) - Exact(a)));
    }

    /// <summary>Gets a statistic's rate per second: its difference divided by <see cref="ElapsedSeconds"/>.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>Events (or bytes, ticks) per second; for a time, seconds per second (a busy fraction).</returns>
    /// <exception cref="KeyNotFoundException">The statistic has no difference.</exception>
    /// <exception cref="InvalidOperationException">Both readings have the same <c>snaptime</c>.</exception>
    public double Rate(string name)
    {
        var d = this[name];
        return ElapsedNanoseconds > 0
            ? d.ToDouble() / ElapsedSeconds
            : throw new InvalidOperationException("Both readings have the same snaptime; there is no rate.");
    }

    private static Int128 Exact(KstatValue v) =>
        v.Kind is KstatValueKind.UInt32 or KstatValueKind.UInt64 ? (Int128)v.ToUInt64() : (Int128)v.ToInt64();
}
