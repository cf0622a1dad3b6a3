// iostat.pl (beside this file) ported: `iostat -x` columns per disk from the I/O kstats of class "disk".
// Runs live (illumos libkstat, Linux /proc/diskstats) or on a capture: IoStat [--file CAPTURE] [interval [count]].
using Kstat.Samples;
using Kstat.Tree;

if (SampleArguments.ParseOrExplain(args, "iostat", "IoStat [--file CAPTURE] [interval [count]]") is not { } arguments)
{
    return 2;
}

using var ks = arguments.OpenTree();
var previous = new Dictionary<string, KstatReading>(StringComparer.Ordinal);
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

        foreach (string gone in update.Removed)
        {
            previous.Remove(gone); // a detached disk: forget it, as the Perl %prev would keep a stale entry
        }
    }

    Console.WriteLine(IoRow.Header);
    foreach (var disk in IoRow.Disks(ks))
    {
        // GetReading() is one immutable sample: the Perl script's `my %now = %$io` copy, without the copy.
        KstatReading now;
        try
        {
            now = disk.GetReading();
        }
        catch (KstatNotFoundException)
        {
            continue; // removed between the update and this read
        }

        previous.TryGetValue(disk.Key, out var before);
        Console.WriteLine(IoRow.Format(disk.Name, now, before));
        previous[disk.Key] = now;
    }
}

return 0;
