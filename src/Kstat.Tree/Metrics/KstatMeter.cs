using System.Diagnostics.Metrics;

namespace Kstat.Tree;

/// <summary>
/// Publishes the kstats a user selects through <see cref="System.Diagnostics.Metrics"/>, as observable counters
/// and gauges tagged <c>module</c>, <c>instance</c> and <c>name</c>, so OpenTelemetry, dotnet-counters or any
/// <see cref="MeterListener"/> can collect them.
/// </summary>
/// <remarks>
/// <para>Each selected statistic becomes one instrument named <c>kstat.&lt;module&gt;.&lt;statistic&gt;</c> (for example
/// <c>kstat.cpu_stat.user</c>) with one measurement per kstat instance. Counters suit monotonic statistics
/// (<c>cpu_stat</c> ticks, I/O bytes), gauges the others (<c>freemem</c>, queue lengths). Times are published in
/// seconds (unit <c>s</c>), byte counts with unit <c>By</c> (an I/O kstat's <c>nread</c> and <c>nwritten</c>, and
/// statistics whose name ends in <c>bytes</c> or <c>bytes64</c>).</para>
/// <para>A counter never goes down in one series (one kstat key): it starts at the kstat's value and then adds what
/// was counted in between, so a 32-bit counter that wraps adds its difference modulo 2^32, and a kstat re-created
/// under the same key (or a 64-bit counter, time or double reset in place) adds its new value, counted from 0. The
/// total of a key is kept after its kstat vanishes, so one that comes back goes on from it. Gauges publish the value
/// read.</para>
/// <para>A read that fails during a collection is counted by the counter <see cref="ReadErrorsInstrumentName"/> (and
/// <see cref="ReadErrors"/>), and that kstat is left out of the collection; the other kstats are published.</para>
/// <para>A collection refreshes the tree through <see cref="KstatTree.Update"/> once, at its first callback; the
/// other instruments of the same collection use those values, so one collection costs one update and reads only
/// the selected kstats. kstats that appear later in a module already published (a CPU or disk plugged in) join their instruments;
/// removed ones stop reporting. Instruments are made from the statistics present when added: a module that
/// appears later needs another <c>Add…</c> call.</para>
/// <para>Thread safe: collections may run on any thread. The meter does not own the tree unless asked to.</para>
/// </remarks>
public sealed partial class KstatMeter : IDisposable
{
    /// <summary>The meter name used when none is given.</summary>
    public const string DefaultMeterName = "Kstat.Tree";

    private readonly bool _ownsTree;

    /// <summary>Creates a meter over a tree; add instruments with <c>AddCounters</c> and <c>AddGauges</c>.</summary>
    /// <param name="tree">The kstats to publish.</param>
    /// <param name="meterName">The <see cref="Meter"/> name that listeners and exporters subscribe to.</param>
    /// <param name="meterFactory">A factory from dependency injection, or <c>null</c> to create the meter directly.</param>
    /// <param name="ownsTree"><see langword="true"/> to dispose the tree with the meter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> or <paramref name="meterName"/> is null.</exception>
    public KstatMeter(KstatTree tree, string meterName = DefaultMeterName, IMeterFactory? meterFactory = null, bool ownsTree = false)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(meterName);
        Tree = tree;
        _ownsTree = ownsTree;
        Meter = meterFactory is null ? new Meter(meterName) : meterFactory.Create(new MeterOptions(meterName));
        CreateReadErrorsInstrument();
    }

    /// <summary>Gets the tree the instruments read.</summary>
    public KstatTree Tree { get; }

    /// <summary>Gets the meter that holds the instruments.</summary>
    public Meter Meter { get; }

    /// <summary>Gets the instruments added so far.</summary>
    public IReadOnlyList<Instrument> Instruments
    {
        get
        {
            lock (_lock)
            {
                return _sources.Values.Select(s => s.Instrument).ToList();
            }
        }
    }

    /// <summary>Disposes the meter (its instruments stop reporting) and the tree if the meter owns it.</summary>
    public void Dispose()
    {
        Meter.Dispose();
        if (_ownsTree)
        {
            Tree.Dispose();
        }
    }
}
