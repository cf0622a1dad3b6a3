// vmstat.pl (beside this file) ported: memory, paging, faults and CPU split per interval, from cpu_stat and
// unix:0:system_pages. Runs live (illumos libkstat, Linux /proc) or on a capture: VmStat [--file CAPTURE] [interval [count]].
// A statistic the source does not have (Linux gives no per-CPU syscall count) prints as "-", never as an invented 0.
using Kstat.Samples;
using Kstat.Tree;

if (SampleArguments.ParseOrExplain(args, "vmstat", "VmStat [--file CAPTURE] [interval [count]]") is not { } arguments)
{
    return 2;
}

using var ks = arguments.OpenTree();
Console.WriteLine($"{"free",9} {"pi",6} {"po",6} {"in",7} {"sy",7} {"cs",7} {"us",3} {"sy",3} {"wt",3} {"id",3}");
VmSample? previous = null;
for (int round = 0; round < arguments.Rounds; round++)
{
    if (round > 0)
    {
        arguments.Wait();
        var update = ks.Update();
        if (update.EndOfCapture)
        {
            break; // a capture replayed to its last round, where kstat(1) would have stopped too
        }

        if (update.Changed)
        {
            Console.WriteLine("<<State change>>");
            previous = null; // CPUs came or went: sums over them are not comparable, show totals since boot
        }
    }

    var now = VmSample.Take(ks);
    Console.WriteLine(now.FormatSince(previous, Environment.SystemPageSize));
    previous = now;
}

return 0;
