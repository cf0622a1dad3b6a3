using System.Collections.Immutable;
using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// What changed in one kstat between two readings: exact per-statistic differences and rates per second over the
/// readings' <c>snaptime</c>, so "previous vs current" needs no bookkeeping (Perl scripts <c>copy()</c> and subtract).
/// </summary>
/// <remarks>
/// <para>Two kinds of difference, chosen by the caller, because a reading cannot tell a counter from a gauge:</para>
/// <list type="bullet">
/// <item><see cref="TryGetDifference"/>, the indexer and <see cref="Rate"/> give the exact signed difference
/// <c>later − earlier</c>, what Perl's <c>$now - $prev</c> gives without its rounding: right for gauges
/// (<c>freemem</c> that went down gives a negative number) and for counters that did not wrap, so a loop over
/// <see cref="Names"/> is never wrong about a gauge. Integers of any kinds give an
/// <see cref="KstatValueKind.Int64"/> (an <see cref="KstatValueKind.UInt64"/> above <see cref="long.MaxValue"/>), times a
/// time, doubles (or a double and an integer) a double.</item>
/// <item><see cref="TryGetCounterDifference"/>, <see cref="CounterDifference"/> and <see cref="CounterRate"/> treat the
/// statistic as a counter that only goes up and wraps at its width: the difference modulo 2^32 when both values are
/// 32-bit integers (cpu_stat ticks, <c>rbytes</c>, the I/O <c>reads</c>), else modulo 2^64, so a counter that wrapped
/// once between the readings still gives the events in between.</item>
/// </list>
/// <para>Text, a statistic missing from a reading, and a time against a number have no difference.
/// <see cref="FromZero"/> gives the differences since zero, for the first "since boot" line of vmstat-like output.</para>
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

    /// <summary>Gets the names of the statistics that have a difference (numbers, or times, in both readings), in the later reading's order.</summary>
    public IEnumerable<string> Names => Later.Keys.Where(n => TryGetDifference(n, out _));

    /// <summary>Gets the number of statistics that have a difference.</summary>
    public int Count => Names.Count();

    /// <summary>Gets the exact signed difference of one statistic, <c>later − earlier</c>, as <see cref="TryGetDifference"/> gives it.</summary>
    /// <param name="name">The statistic name.</param>
    /// <exception cref="KeyNotFoundException">A reading lacks the statistic, or it has no difference (text, or a time against a number).</exception>
    /// <exception cref="OverflowException">The difference is below <see cref="long.MinValue"/>.</exception>
    public KstatValue this[string name] =>
        TryGetDifference(name, out var d) ? d : throw new KeyNotFoundException($"The statistic '{name}' has no difference between the two readings{Why(name)}.");

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

    /// <summary>
    /// Computes the difference from zero to a reading: every number and time of <see cref="Earlier"/> is 0 (of the later
    /// value's kind) and its <c>snaptime</c> is 0, so differences are the values themselves and rates are per second of
    /// <c>snaptime</c>, which counts from boot. That is the first line of vmstat and iostat, "since boot".
    /// </summary>
    /// <param name="later">The reading.</param>
    /// <returns>The delta.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="later"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="later"/> has a negative <c>snaptime</c>.</exception>
    public static KstatDelta FromZero(KstatReading later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var zeros = ImmutableArray.CreateBuilder<KstatValue>(later.Count);
        foreach (var value in later.Values)
        {
            zeros.Add(value.Kind switch
            {
                KstatValueKind.Int32 => KstatValue.FromInt32(0),
                KstatValueKind.UInt32 => KstatValue.FromUInt32(0),
                KstatValueKind.Int64 => KstatValue.FromInt64(0),
                KstatValueKind.UInt64 => KstatValue.FromUInt64(0),
                KstatValueKind.Double => KstatValue.FromDouble(0),
                KstatValueKind.HrTime => KstatValue.HrTime(0),
                _ => value, // text has no difference either way
            });
        }

        return Between(new KstatReading(0, later.Schema, zeros.MoveToImmutable()), later);
    }

    /// <summary>Gets the exact signed difference of one statistic, <c>later − earlier</c>, if it has one; it never wraps.</summary>
    /// <param name="name">The statistic name.</param>
    /// <param name="difference">The difference: <see cref="KstatValueKind.Int64"/> for integers of any kinds
    /// (<see cref="KstatValueKind.UInt64"/> above <see cref="long.MaxValue"/>), a time for times, a double when either is a double.</param>
    /// <returns><see langword="true"/> when both readings hold the statistic as numbers, or both as times.</returns>
    /// <exception cref="OverflowException">The difference is below <see cref="long.MinValue"/> (only a <see cref="KstatValueKind.UInt64"/> above <see cref="long.MaxValue"/> falling below its half can do that).</exception>
    public bool TryGetDifference(string name, out KstatValue difference)
    {
        difference = default;
        if (!TryGetPair(name, out var a, out var b) || (a.Kind == KstatValueKind.HrTime) != (b.Kind == KstatValueKind.HrTime))
        {
            return false;
        }

        if (a.Kind == KstatValueKind.Double || b.Kind == KstatValueKind.Double)
        {
            difference = b.ToDouble() - a.ToDouble();
            return true;
        }

        Int128 d = Exact(b) - Exact(a);
        if (a.Kind == KstatValueKind.HrTime)
        {
            difference = KstatValue.HrTime(checked((long)d));
        }
        else if (d > long.MaxValue)
        {
            difference = checked((ulong)d);
        }
        else
        {
            difference = d >= long.MinValue
                ? (long)d
                : throw new OverflowException($"The difference of '{name}' ({b} − {a}) is below {long.MinValue}.");
        }

        return true;
    }

    /// <summary>Gets the difference of a counter, <c>later − earlier</c> modulo its width, if the statistic is an integer or a time in both readings.</summary>
    /// <param name="name">The statistic name.</param>
    /// <param name="difference">The events (or ticks, bytes, nanoseconds) counted in between: modulo 2^32 when both values are 32-bit integers, else modulo 2^64.</param>
    /// <returns><see langword="true"/> when both readings hold the statistic as integers, or both as times.</returns>
    /// <remarks>Only for counters: a gauge that went down (<c>freemem</c>) reads here as a counter that wrapped. Use <see cref="TryGetDifference"/> for it.</remarks>
    public bool TryGetCounterDifference(string name, out ulong difference)
    {
        difference = 0;
        if (!TryGetPair(name, out var a, out var b) || !IsCounter(a) || !IsCounter(b) || (a.Kind == KstatValueKind.HrTime) != (b.Kind == KstatValueKind.HrTime))
        {
            return false;
        }

        ulong d = unchecked(b.ToUInt64Bits() - a.ToUInt64Bits());
        difference = Is32Bit(a) && Is32Bit(b) ? (uint)d : d;
        return true;
    }

    /// <summary>Gets the difference of a counter, <c>later − earlier</c> modulo its width, as <see cref="TryGetCounterDifference"/> gives it.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>The events counted in between.</returns>
    /// <exception cref="KeyNotFoundException">A reading lacks the statistic, or it is not an integer (or a time) in both.</exception>
    public ulong CounterDifference(string name) =>
        TryGetCounterDifference(name, out ulong d) ? d : throw new KeyNotFoundException($"The statistic '{name}' is not a counter in both readings{Why(name)}.");

    /// <summary>Gets a statistic's rate per second: its exact difference (<see cref="TryGetDifference"/>) divided by <see cref="ElapsedSeconds"/>.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>Units per second, negative for a gauge that went down; for a time, seconds per second (a busy fraction).</returns>
    /// <exception cref="KeyNotFoundException">The statistic has no difference.</exception>
    /// <exception cref="InvalidOperationException">Both readings have the same <c>snaptime</c>.</exception>
    public double Rate(string name) => PerSecond(this[name].ToDouble());

    /// <summary>Gets a counter's rate per second: its difference modulo its width (<see cref="TryGetCounterDifference"/>) divided by <see cref="ElapsedSeconds"/>.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>Events (or ticks, bytes) per second; for a time, seconds per second (a busy fraction).</returns>
    /// <exception cref="KeyNotFoundException">The statistic is not a counter in both readings.</exception>
    /// <exception cref="InvalidOperationException">Both readings have the same <c>snaptime</c>.</exception>
    public double CounterRate(string name)
    {
        bool isTime = Later.TryGetValue(name, out var v) && v.Kind == KstatValueKind.HrTime;
        double difference = CounterDifference(name);
        return PerSecond(isTime ? difference / 1e9 : difference);
    }

    private static bool IsCounter(KstatValue v) => v.IsInteger || v.Kind == KstatValueKind.HrTime;

    private static bool Is32Bit(KstatValue v) => v.Kind is KstatValueKind.Int32 or KstatValueKind.UInt32;

    private static Int128 Exact(KstatValue v) =>
        v.Kind is KstatValueKind.UInt32 or KstatValueKind.UInt64 ? (Int128)v.ToUInt64() : (Int128)v.ToInt64();

    private bool TryGetPair(string name, out KstatValue earlier, out KstatValue later)
    {
        later = default;
        return Earlier.TryGetValue(name, out earlier) && Later.TryGetValue(name, out later)
            && !earlier.IsText && !later.IsText && earlier.Kind != KstatValueKind.None && later.Kind != KstatValueKind.None;
    }

    private double PerSecond(double difference) => ElapsedNanoseconds > 0
        ? difference / ElapsedSeconds
        : throw new InvalidOperationException("Both readings have the same snaptime; there is no rate.");

    private string Why(string name) =>
        !Earlier.TryGetValue(name, out var a) ? ": the earlier reading lacks it"
        : !Later.TryGetValue(name, out var b) ? ": the later reading lacks it"
        : $" (earlier {a.Kind}, later {b.Kind})";
}
