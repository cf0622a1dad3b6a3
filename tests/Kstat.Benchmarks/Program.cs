using Kstat.Benchmarks.Comparison;

// Wiring only: parse the options, run the comparison (progress on stderr), print the one table on stdout.
// Normally started by ./run, which builds the native side and sets KSTAT_LIBRARY and KSTAT_BENCH_NATIVE.
var quick = false;
var cpuClock = true;
var cases = new List<string>();
string? captures = null;
string? perl = null;
string? artifacts = null;
string? kstatNative = null;
string? kstatTool = null;
if (args is ["--profile", var profiled, var seconds])
{
    return Kstat.Benchmarks.Support.ProfileLoop.Run(profiled, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
}

for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--clock" when i + 1 < args.Length && args[i + 1] is "cpu" or "wall":
            cpuClock = args[++i] == "cpu";
            break;
        case "--case" when i + 1 < args.Length:
            cases.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            break;
        case "--captures" when i + 1 < args.Length:
            captures = args[++i];
            break;
        case "--perl-script" when i + 1 < args.Length:
            perl = args[++i];
            break;
        case "--artifacts" when i + 1 < args.Length:
            artifacts = args[++i];
            break;
        case "--kstat-native" when i + 1 < args.Length:
            kstatNative = args[++i];
            break;
        case "--kstat-tool" when i + 1 < args.Length:
            kstatTool = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'");
            Console.Error.WriteLine("usage: Kstat.Benchmarks --profile CASE SECONDS | [--quick] [--clock cpu|wall] [--case monitor,dump,open,lookup,parse,startup] --captures DIR --perl-script FILE [--artifacts DIR] [--kstat-native FILE --kstat-tool FILE]");
            return 2;
    }
}

if (captures is null || perl is null)
{
    Console.Error.WriteLine("--captures and --perl-script are required (./run passes them).");
    return 2;
}

var unknown = cases.Except(RunSettings.AllCases).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown case(s): {string.Join(", ", unknown)}; the cases are {string.Join(", ", RunSettings.AllCases)}");
    return 2;
}

var settings = new RunSettings(
    quick,
    cases.Count == 0 ? RunSettings.AllCases : [.. RunSettings.AllCases.Where(cases.Contains)],
    Kstat.Benchmarks.Support.BenchNative.Folder,
    captures,
    perl,
    artifacts ?? Path.Combine(Path.GetTempPath(), "kstat-benchmarks", "artifacts"),
    cpuClock,
    kstatNative,
    kstatTool);
IReadOnlyList<ResultRow> rows;
try
{
    rows = new ComparisonRun(settings, Console.Error).Run();
}
catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or DllNotFoundException)
{
    // A missing baseline program, perl, the native build or a capture: say which, without a stack trace.
    Console.Error.WriteLine($"benchmarks failed: {e.Message}");
    return 1;
}

Console.WriteLine(cpuClock
    ? "Times: median CPU time of the working thread per operation, both sides (start-up: of the whole process)."
    : "Times: median wall-clock time per operation, both sides.");
ResultTable.Write(Console.Out, rows);
return 0;
