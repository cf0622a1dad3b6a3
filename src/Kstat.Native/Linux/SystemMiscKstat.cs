using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>unix:0:system_misc</c>: ncpus, lbolt, clk_intr, nproc, avenrun_* (load × 256), boot_time, nsec_per_tick, all
/// UInt32 as on illumos; from <c>/proc/stat</c> (btime), <c>/proc/loadavg</c>, <c>/proc/uptime</c> and the
/// process directories of <c>/proc</c>.
/// </summary>
/// <remarks>
/// <c>lbolt</c> and <c>clk_intr</c> are uptime in USER_HZ ticks (the unit of every tick count here), so
/// <c>nsec_per_tick</c> is 10,000,000. <c>nproc</c> counts the process directories visible in <c>/proc</c>
/// (fewer under <c>hidepid</c>). <c>ncpus</c> is the number of CPUs the chain knows (sysfs or <c>/proc/stat</c>).
/// </remarks>
internal sealed class SystemMiscKstat(int cpus) : ProcfsKstat("unix", 0, "system_misc", "misc", KstatType.Named)
{
    public const string LoadAvg = "loadavg";
    public const string Uptime = "uptime";

    private const decimal FScale = 256; // illumos FSCALE: avenrun is fixed point with 8 fraction bits

    public override KstatReading Read(ProcfsContext context)
    {
        var files = context.Files;
        string statPath = files.Proc(ProcStat.FileName);
        string loadPath = files.Proc(LoadAvg);
        string uptimePath = files.Proc(Uptime);
        string stat = files.ReadRequired(statPath, Key);
        string load = files.ReadRequired(loadPath, Key);
        string uptime = files.ReadRequired(uptimePath, Key);
        int nproc = files.ListDirectories(files.ProcRoot).Count(d => d.All(char.IsAsciiDigit));
        long snap = context.Now();

        ulong bootTime = ProcStat.ReadBootTime(statPath, stat)
            ?? throw new KstatFormatException("expected a 'btime' line", statPath, 1, 1);
        var loadLine = ProcfsLine.Split(loadPath, load).FirstOrDefault(new ProcfsLine(loadPath, 1, string.Empty));
        var lt = loadLine.AtLeast(loadLine.Tokens(), 3, "three load averages");
        var upLine = ProcfsLine.Split(uptimePath, uptime).FirstOrDefault(new ProcfsLine(uptimePath, 1, string.Empty));
        var ut = upLine.AtLeast(upLine.Tokens(), 1, "the uptime in seconds");

        // Exact decimal arithmetic: '12345.67' seconds is 1234567 ticks; '0.33' load is 84 (0.33 × 256, truncated as illumos shifts).
        uint ticks = (uint)upLine.Scaled<ulong>(ut[0], ProcfsContext.UserHz, "the uptime in seconds"); // lbolt wraps at 32 bits
        return new KstatReading(snap, new KeyValuePair<string, KstatValue>[]
        {
            new("ncpus", (uint)cpus),
            new("lbolt", ticks),
            new("clk_intr", ticks),
            new("nproc", (uint)nproc),
            new("avenrun_1min", Avenrun(loadLine, lt[0])),
            new("avenrun_5min", Avenrun(loadLine, lt[1])),
            new("avenrun_15min", Avenrun(loadLine, lt[2])),
            new("boot_time", (uint)bootTime),
            new("nsec_per_tick", (uint)ProcfsContext.NanosPerTick),
        });
    }

    private static uint Avenrun(ProcfsLine line, ProcfsToken token) =>
        line.Scaled<uint>(token, FScale, "a load average");
}
