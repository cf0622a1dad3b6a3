using System.Runtime.InteropServices;
using Kstat.Benchmarks.Cases;
using Kstat.Benchmarks.Support;
using Kstat.Tree;

namespace Kstat.Benchmarks.Comparison;

/// <summary>Runs each case on both sides (C# through BenchmarkDotNet, then its baseline) and collects the table rows.</summary>
internal sealed class ComparisonRun(RunSettings settings, TextWriter progress)
{
    private const double MonitorTarget = 1.5;
    private const double DumpTarget = 1.5;
    private const double OpenTarget = 3;
    private const double OpenBytesTarget = 200;
    private const double LookupTarget = 4;
    private const double ParseSpeedupTarget = 5;
    private const double StartupTarget = 1.5;
    private const long SmallestObjectBytes = 24;

    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Run()
    {
        foreach (string benchCase in settings.Cases)
        {
            switch (benchCase)
            {
                case "monitor": Monitor(); break;
                case "dump": Dump(); break;
                case "open": Open(); break;
                case "lookup": Lookup(); break;
                case "parse": Parse(); break;
                case "startup": Startup(); break;
                default: throw new ArgumentException($"Unknown case '{benchCase}'; the cases are {string.Join(", ", RunSettings.AllCases)}.");
            }
        }

        return _rows;
    }

    private void Monitor()
    {
        var cs = Measure<MonitorBenchmark>("monitor", slow: false)["Round"];
        double c = Baseline("monitor");
        AddTimed($"monitor: Update() + read {BenchNative.MonitorKstats}×{BenchNative.MonitorStats} (per round)", c, cs, MonitorTarget);

        // Each round necessarily allocates the new readings (one KstatReading and one value array per kstat) and, per
        // leaf, the immutable state that publishes header and reading with one reference swap; anything above that is
        // overhead the design should not have. BenchmarkDotNet divides the bytes of a whole iteration by its operations,
        // so a one-off allocation (a timer, a tiering stub) shows as a byte or two: below the smallest object (24 bytes)
        // nothing is allocated per round.
        long readings = BenchNative.MonitorKstats * ReadingBytes(BenchNative.MonitorStats);
        long states = BenchNative.MonitorKstats * LeafStateBytes();
        long beyond = cs.AllocatedBytes - readings - states;
        _rows.Add(new ResultRow("monitor: allocated per round beyond the readings and leaf states", $"(readings: {ResultTable.Bytes(readings)}, states: {ResultTable.Bytes(states)})",
            ResultTable.Bytes(beyond), null, "0 B (< 24 B)", beyond < SmallestObjectBytes, cs.AllocatedBytes));
    }

    private void Dump()
    {
        var cs = Measure<DumpBenchmark>("dump", slow: true)["Dump"];
        AddTimed($"dump: kstat -p of {BenchNative.DumpKstats:N0}×{BenchNative.DumpStats} to a null stream", Baseline("dump"), cs, DumpTarget);
    }

    private void Open()
    {
        var cs = Measure<OpenBenchmark>("open", slow: false)["Open"];
        AddTimed($"open: tree over {BenchNative.DumpKstats:N0} kstats, no reads", Baseline("open"), cs, OpenTarget);
        progress.WriteLine("open: measuring the bytes a live tree keeps");
        var (perKstat, chain) = OpenBenchmark.RetainedBytesPerKstat();
        _rows.Add(new ResultRow("open: managed bytes kept per kstat", "—", $"{perKstat:0} B (chain {chain:0} B)", null,
            $"≤ {OpenBytesTarget:0} B", perKstat <= OpenBytesTarget, null));
    }

    private void Lookup()
    {
        var results = Measure<LookupBenchmark>("lookup", slow: false);
        var dictionary = results["Dictionary"];
        var tree = results["Tree"];
        double ratio = tree.MedianNs / dictionary.MedianNs;
        _rows.Add(new ResultRow("lookup: ks[\"cpu\"][0][\"sys\"][\"cpu_nsec_idle\"] vs one Dictionary lookup",
            ResultTable.Time(dictionary.MedianNs), ResultTable.Time(tree.MedianNs), ratio, $"≤ {LookupTarget:0.#}", ratio <= LookupTarget, tree.AllocatedBytes));
    }

    private void Parse()
    {
        progress.WriteLine($"parse: building a {settings.ParseBytes / 1_000_000} MB capture from {settings.CapturesFolder}");
        string capture = ParseCapture.Ensure(settings.CapturesFolder, settings.ParseBytes);
        ParseBenchmark.CapturePath = capture;
        var cs = Measure<ParseBenchmark>("parse", slow: true)["Parse"];
        progress.WriteLine("parse: Perl baseline");
        double perl = BaselineRunner.RunPerl(settings, capture);
        double ratio = cs.MedianNs / perl;
        _rows.Add(new ResultRow($"parse: {settings.ParseBytes / 1_000_000} MB kstat -p, SnapshotChain vs Perl hash of hashes",
            ResultTable.Time(perl), ResultTable.Time(cs.MedianNs), ratio,
            $"≤ {1 / ParseSpeedupTarget:0.00} (≥ {ParseSpeedupTarget:0}× faster)", ratio <= 1 / ParseSpeedupTarget, cs.AllocatedBytes));
    }

    private void Startup()
    {
        string native = settings.KstatNative ?? throw new InvalidOperationException("The start-up case needs --kstat-native (./run publishes it).");
        string tool = settings.KstatTool ?? throw new InvalidOperationException("The start-up case needs --kstat-tool (./run builds it).");
        var (capture, lines, middle) = StartupCapture.Ensure(settings.CapturesFolder);
        string baseline = Path.Combine(settings.NativeFolder, "kstat-p-baseline");
        (string Name, string[] Selectors)[] cases = [($"a {lines:N0}-line capture", []), ($"one kstat of it ({middle})", [middle])];
        foreach (var (name, selectors) in cases)
        {
            string[] c = [baseline, capture, .. selectors];
            string[] cs = [native, "-p", "--file", capture, .. selectors];
            int printed = WholeProcessRunner.CheckSameOutput(cs, c);
            progress.WriteLine($"startup: kstat -p of {name} ({printed:N0} lines besides snaptime, the same on both sides): " +
                               $"{settings.StartupPairs} interleaved pairs of whole processes");
            var result = WholeProcessRunner.Compare(settings, settings.StartupPairs, cs, c);
            progress.WriteLine($"startup: ratio median {result.Ratio:0.00}, quartiles {result.RatioLow:0.00}–{result.RatioHigh:0.00}");
            _rows.Add(new ResultRow($"startup: kstat -p of {name}, native (AOT), whole process",
                ResultTable.Time(result.BaselineNs), ResultTable.Time(result.CSharpNs), result.Ratio, $"≤ {StartupTarget:0.#}",
                result.Ratio <= StartupTarget, null));
        }

        // The .NET tool (JIT), which illumos machines run: for information, no target.
        string[] all = [baseline, capture];
        var jit = WholeProcessRunner.Compare(settings, settings.StartupPairs, [tool, "-p", "--file", capture], all);
        _rows.Add(new ResultRow($"startup: kstat -p of a {lines:N0}-line capture, the .NET tool (JIT)", ResultTable.Time(jit.BaselineNs), ResultTable.Time(jit.CSharpNs),
            jit.Ratio, "—", null, null));
    }

    private Dictionary<string, Measurement> Measure<T>(string benchCase, bool slow)
    {
        progress.WriteLine($"{benchCase}: C# ({typeof(T).Name})");
        return CSharpRunner.Run<T>(settings, slow);
    }

    private double Baseline(string benchCase)
    {
        progress.WriteLine($"{benchCase}: C baseline");
        return BaselineRunner.RunC(settings, benchCase);
    }

    private void AddTimed(string name, double baselineNs, Measurement cs, double target)
    {
        double ratio = cs.MedianNs / baselineNs;
        _rows.Add(new ResultRow(name, ResultTable.Time(baselineNs), ResultTable.Time(cs.MedianNs), ratio,
            $"≤ {target:0.#}", ratio <= target, cs.AllocatedBytes));
    }

    /// <summary>Measures one leaf state, the (header, reading) pair a leaf publishes per re-read.</summary>
    private static long LeafStateBytes()
    {
        var header = new KstatHeader("m", 0, "n", "misc", KstatType.Named, 0, 1);
        _ = new LeafState(header, null);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var state = new LeafState(header, null);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(state);
        return bytes;
    }

    /// <summary>Measures what one reading of <paramref name="stats"/> values costs, built the way the decoders build it.</summary>
    private static long ReadingBytes(int stats)
    {
        var schema = new KstatSchema(Enumerable.Range(0, stats).Select(i => $"s{i}"));
        _ = MakeReading(schema);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var reading = MakeReading(schema);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(reading);
        return bytes;
    }

    private static KstatReading MakeReading(KstatSchema schema) =>
        new(1, schema, ImmutableCollectionsMarshal.AsImmutableArray(new KstatValue[schema.Count]));
}
