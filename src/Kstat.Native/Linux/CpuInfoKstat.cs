using System.Text;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>cpu_info:N:cpu_infoN</c>: what illumos scripts read about a CPU, from its <c>/proc/cpuinfo</c> block and sysfs
/// (<c>cpuN/online</c>, <c>cpuN/topology</c>); statistics Linux does not give for this CPU are absent.
/// </summary>
internal sealed class CpuInfoKstat(int cpu)
    : ProcfsKstat("cpu_info", cpu, "cpu_info" + cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), "misc", KstatType.Named)
{
    public int Cpu { get; } = cpu;

    public override KstatReading Read(ProcfsContext context)
    {
        var files = context.Files;
        string path = files.Proc(ProcCpuInfo.FileName);
        string text = files.ReadRequired(path, Key);
        long snap = context.Now();
        var block = ProcCpuInfo.ReadCpu(path, text, Cpu);
        string dir = ProcCpuInfo.CpuDirectory(Cpu);
        long? online = files.ReadOptionalNumber(files.Sys(dir + "/online"));

        // cpu0 often has no 'online' file (it cannot be taken off-line); then the cpuinfo block decides.
        bool isOnline = online is { } o ? o != 0 : block is not null;
        var values = new List<KeyValuePair<string, KstatValue>> { new("state", State(isOnline ? "on-line" : "off-line")) };
        void Add(string name, KstatValue? value)
        {
            if (value is { } v)
            {
                values.Add(new(name, v));
            }
        }

        void AddText(string name, string? value)
        {
            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }

        var b = block ?? new Dictionary<string, ProcfsToken>(StringComparer.Ordinal);
        Add("clock_MHz", ProcCpuInfo.Megahertz(b, "cpu MHz"));
        Add("chip_id", files.ReadOptionalNumber(files.Sys(dir + "/topology/physical_package_id")) ?? ProcCpuInfo.Int64(b, "physical id"));
        AddText("brand", ProcCpuInfo.Text(b, "model name"));
        Add("core_id", files.ReadOptionalNumber(files.Sys(dir + "/topology/core_id")) ?? ProcCpuInfo.Int64(b, "core id"));
        AddText("vendor_id", ProcCpuInfo.Text(b, "vendor_id"));
        Add("family", ProcCpuInfo.Int32(b, "cpu family"));
        Add("model", ProcCpuInfo.Int32(b, "model"));
        Add("stepping", ProcCpuInfo.Int32(b, "stepping"));
        Add("ncpu_per_chip", ProcCpuInfo.Int32(b, "siblings"));
        Add("ncore_per_chip", ProcCpuInfo.Int32(b, "cpu cores"));
        return new KstatReading(snap, values);
    }

    /// <summary>illumos keeps <c>state</c> in a 16-byte <c>KSTAT_DATA_CHAR</c>.</summary>
    private static KstatValue State(string state)
    {
        var bytes = new byte[16];
        Encoding.ASCII.GetBytes(state, bytes);
        return KstatValue.Char(bytes);
    }
}
