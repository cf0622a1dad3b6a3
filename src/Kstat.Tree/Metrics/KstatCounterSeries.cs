namespace Kstat.Tree;

/// <summary>
/// One series of an observable counter (one statistic of one kstat key) kept monotonic, as an OpenTelemetry or
/// Prometheus counter must be: it starts at the kstat's value and then only adds what was counted in between.
/// </summary>
/// <remarks>
/// <para>Three things make a raw kstat counter go down, and each is folded in as the events it stands for:</para>
/// <list type="bullet">
/// <item>a 32-bit counter that wrapped (cpu_stat ticks, <c>rbytes</c>, the I/O <c>reads</c>): the difference modulo
/// 2^32, as <see cref="KstatDelta.TryGetCounterDifference"/> gives it;</item>
/// <item>the kstat re-created under the same key (a new kid or <c>crtime</c>): its new value counts from 0;</item>
/// <item>a 64-bit counter, a time or a double that went down in the same kstat: reset in place, so its new value
/// counts from 0 too (a 64-bit counter does not wrap in a machine's lifetime).</item>
/// </list>
/// <para>Totals are kept exactly in <see cref="decimal"/> (integers, and times in nanoseconds). Not thread safe: the
/// instrument that owns the series serialises its observations.</para>
/// </remarks>
internal sealed class KstatCounterSeries
{
    private KstatHeader _incarnation;
    private KstatValue _last;

    private KstatCounterSeries(KstatHeader incarnation, KstatValue first)
    {
        _incarnation = incarnation;
        _last = first;
        Total = Exact(first);
    }

    /// <summary>Gets the total: the first value seen plus every increase since, in the statistic's unit (nanoseconds for times).</summary>
    public decimal Total { get; private set; }

    /// <summary>Gets the total as published: seconds for a time, the total itself for the rest.</summary>
    public decimal InSeconds => _last.Kind == KstatValueKind.HrTime ? Total / 1_000_000_000m : Total;

    /// <summary>Starts a series at a kstat's value, or advances it to the next value of the same key.</summary>
    /// <param name="series">The series so far, or <c>null</c> for the first value.</param>
    /// <param name="incarnation">The header the value was read from.</param>
    /// <param name="value">The raw value, an integer, a time or a double.</param>
    /// <returns>The series holding the new total.</returns>
    /// <exception cref="OverflowException">A double too large for a decimal.</exception>
    public static KstatCounterSeries Advance(KstatCounterSeries? series, KstatHeader incarnation, KstatValue value)
    {
        if (series is null)
        {
            return new KstatCounterSeries(incarnation, value);
        }

        series.Total += LeafState.SameIncarnation(series._incarnation, incarnation) ? Increase(series._last, value) : Exact(value);
        series._incarnation = incarnation;
        series._last = value;
        return series;
    }

    private static decimal Increase(KstatValue last, KstatValue now)
    {
        decimal before = Exact(last), after = Exact(now);
        if (after >= before)
        {
            return after - before;
        }

        return Is32Bit(last) && Is32Bit(now)
            ? unchecked((uint)(now.ToUInt64Bits() - last.ToUInt64Bits()))
            : after;
    }

    private static bool Is32Bit(KstatValue v) => v.Kind is KstatValueKind.Int32 or KstatValueKind.UInt32;

    private static decimal Exact(KstatValue v) => v.Kind switch
    {
        KstatValueKind.HrTime => v.ToNanoseconds(),
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => v.ToUInt64(),
        KstatValueKind.Double => (decimal)v.ToDouble(),
        _ => v.ToInt64(),
    };
}
