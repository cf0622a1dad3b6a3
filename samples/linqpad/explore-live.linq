<Query Kind="Statements">
  <NuGetReference>Kstat.Native</NuGetReference>
  <Namespace>Kstat.Native</Namespace>
  <Namespace>Kstat.Tree</Namespace>
</Query>

// Explore the running machine: libkstat on illumos/Solaris, the illumos kstats synthesised from /proc on Linux.
// Dumping the whole tree reads nothing; open a module, then a kstat, to read just that one.
using var ks = NativeKstat.Open();
ks.Dump("this machine's kstats");

// Watch memory and the CPUs for a few seconds: Update() re-reads only the kstats read so far.
var pages = ks["unix"][0]["system_pages"];
var cpus = ks["cpu_stat"].Keys.Order().Select(n => ks["cpu_stat"][n][$"cpu_stat{n}"]).ToList();
var before = cpus.Select(c => c.GetReading()).ToList();
for (int i = 0; i < 3; i++)
{
    Thread.Sleep(1000);
    var update = ks.Update();
    if (update.Changed)
    {
        new { update.Added, update.Removed }.Dump("configuration changed");
    }

    var after = cpus.Select(c => c.GetReading()).ToList();
    new
    {
        FreeMB = (long)pages["freemem"] * Environment.SystemPageSize / (1024 * 1024),
        Busy = before.Zip(after, (b, a) =>
        {
            double idle = (double)a["idle"] - (double)b["idle"];
            double all = new[] { "user", "kernel", "idle" }.Sum(s => (double)a[s] - (double)b[s]);
            return all > 0 ? Math.Round(100 * (1 - idle / all)) : 0;
        }).ToList(),
    }.Dump($"second {i + 1}: free memory and % busy per CPU");
    before = after;
}
