<Query Kind="Statements">
  <NuGetReference>Kstat.Tree</NuGetReference>
  <Namespace>Kstat.Tree</Namespace>
</Query>

// Explore a kstat(1) capture. Dump() shows modules → instances → kstats; a kstat you have not opened
// shows only its header (class, crtime): nothing is read until you click its statistics.
var captures = Path.Combine(Path.GetDirectoryName(Util.CurrentQueryPath)!, "..", "..", "tests", "data", "captures");
using var ks = KstatTree.Load(Path.Combine(captures, "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt"));

ks.Dump("modules: click one, then a kstat's Statistics");
ks["cpu_stat"][0].Dump("cpu_stat:0 (headers only, unread)");
ks["cpu_stat"][0]["cpu_stat0"]["user"].Dump("reading one statistic reads its kstat");
ks["cpu_stat"][0]["cpu_stat0"].Dump("now read: every statistic with snaptime");

// LINQ over the tree: the five busiest CPUs since boot.
(from instance in ks["cpu_stat"].Values
 let cpu = instance[$"cpu_stat{instance.Instance}"]
 let user = (double)cpu["user"]
 let kernel = (double)cpu["kernel"]
 let idle = (double)cpu["idle"]
 let total = user + kernel + idle
 orderby idle / total
 select new { Cpu = instance.Instance, User = user / total, Kernel = kernel / total, Idle = idle / total })
.Take(5)
.Dump("busiest CPUs (fractions of ticks since boot)");
