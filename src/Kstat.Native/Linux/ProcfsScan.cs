using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// Finds which kstats exist now: reads only the index files (<c>/proc/stat</c>, <c>/proc/net/dev</c>,
/// <c>/proc/diskstats</c>), lists directories (sysfs CPUs, <c>/proc/spl/kstat</c>) and checks that the other files
/// exist; no per-kstat file is opened.
/// </summary>
internal static class ProcfsScan
{
    private const string SplRoot = "spl/kstat";

    /// <summary>Lists the kstats of the machine now, in chain order; a missing or unreadable index file drops only its kstats.</summary>
    public static List<ProcfsKstat> Scan(ProcfsFileSystem files)
    {
        var kstats = new List<ProcfsKstat>();
        string? stat = files.ReadOptional(files.Proc(ProcStat.FileName));
        var statCpus = stat is null ? [] : ProcStat.ListCpus(stat);
        var cpus = new SortedSet<int>(statCpus);
        foreach (string dir in files.ListDirectories(files.Sys("devices/system/cpu")))
        {
            if (dir.Length > 3 && dir.StartsWith("cpu", StringComparison.Ordinal) && dir.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0
                && int.TryParse(dir.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
            {
                cpus.Add(n);
            }
        }

        if (stat is not null && files.FileExists(files.Proc(SystemMiscKstat.LoadAvg)) && files.FileExists(files.Proc(SystemMiscKstat.Uptime)))
        {
            kstats.Add(new SystemMiscKstat(cpus.Count));
        }

        if (files.FileExists(files.Proc(ProcMeminfo.FileName)))
        {
            kstats.Add(new SystemPagesKstat());
        }

        if (files.FileExists(files.Proc(ProcCpuInfo.FileName)))
        {
            kstats.AddRange(cpus.Select(c => new CpuInfoKstat(c)));
        }

        foreach (int cpu in statCpus.Order())
        {
            kstats.Add(new CpuSysKstat(cpu));
            kstats.Add(new CpuStatKstat(cpu));
        }

        if (files.ReadOptional(files.Proc(ProcDiskStats.FileName)) is { } diskstats)
        {
            kstats.AddRange(DiskNaming.Assign(ProcDiskStats.ListDevices(diskstats)));
        }

        if (files.ReadOptional(files.Proc(ProcNetDev.FileName)) is { } netdev)
        {
            kstats.AddRange(ProcNetDev.ListInterfaces(netdev).Select(i => new LinkKstat(i)));
        }

        ScanSpl(files, files.Proc(SplRoot), null, kstats);
        return kstats;
    }

    private static void ScanSpl(ProcfsFileSystem files, string directory, string? module, List<ProcfsKstat> kstats)
    {
        if (module is not null)
        {
            foreach (string name in files.ListFiles(directory).Order(StringComparer.Ordinal))
            {
                if (!SplKstat.TextOnly.Contains(name) && !name.StartsWith("kstat_", StringComparison.Ordinal))
                {
                    var type = name == "io" ? KstatType.Io : KstatType.Named;
                    kstats.Add(new SplKstat(module, name, Path.Combine(directory, name), type));
                }
            }
        }

        foreach (string sub in files.ListDirectories(directory).Order(StringComparer.Ordinal))
        {
            ScanSpl(files, Path.Combine(directory, sub), module is null ? sub : module + "/" + sub, kstats);
        }
    }
}
