using System.Globalization;
using System.Text.RegularExpressions;

namespace Kstat.Native;

/// <summary>
/// Gives each <c>/proc/diskstats</c> device an illumos-like module and instance: the driver-ish prefix of its name
/// (<c>sd</c>, <c>vd</c>, <c>xvd</c>, <c>hd</c>, <c>nvme</c>, <c>loop</c>, <c>dm</c>, <c>md</c>, …) and the kernel's own
/// number (<c>sdb</c> → 1, <c>loop3</c> → 3, <c>nvme0n1</c> → 0); the kstat name stays the Linux device name.
/// </summary>
/// <remarks>
/// A partition (<c>sda1</c>, <c>nvme0n1p2</c>: a listed disk's name plus a number, with <c>p</c> when the disk
/// name ends in a digit) gets its disk's module and instance and class <c>partition</c>, as illumos's
/// <c>sd0,a</c> does. A name that fits no pattern gets module <c>disk</c>, instance 0.
/// </remarks>
internal static partial class DiskNaming
{
    public static List<DiskKstat> Assign(IEnumerable<string> devices)
    {
        var disks = new Dictionary<string, (string Module, int Instance)>(StringComparer.Ordinal);
        var result = new List<DiskKstat>();
        foreach (string name in devices)
        {
            if (PartitionOf(name, disks) is { } parent)
            {
                result.Add(new DiskKstat(parent.Module, parent.Instance, name, isPartition: true));
                continue;
            }

            var (module, instance) = ModuleAndInstance(name);
            disks.TryAdd(name, (module, instance));
            result.Add(new DiskKstat(module, instance, name, isPartition: false));
        }

        return result;
    }

    public static (string Module, int Instance) ModuleAndInstance(string name)
    {
        var m = LetteredDisk().Match(name);
        if (m.Success && m.Groups[2].Value.Length <= 6)
        {
            // sda, sdz, sdaa: bijective base 26, as the kernel names them (six letters stay far below int.MaxValue;
            // a longer run of letters comes from a damaged file and falls through to the generic name below).
            int index = 0;
            foreach (char c in m.Groups[2].Value)
            {
                index = (index * 26) + (c - 'a' + 1);
            }

            return (m.Groups[1].Value, index - 1);
        }

        m = NumberedDisk().Match(name);
        if (m.Success && int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return (m.Groups[1].Value, n);
        }

        return ("disk", 0);
    }

    private static (string Module, int Instance)? PartitionOf(string name, Dictionary<string, (string Module, int Instance)> disks)
    {
        int end = name.Length;
        while (end > 0 && char.IsAsciiDigit(name[end - 1]))
        {
            end--;
        }

        if (end == name.Length || end == 0)
        {
            return null;
        }

        string prefix = name[..end];
        if (disks.TryGetValue(prefix, out var disk) && !char.IsAsciiDigit(prefix[^1]))
        {
            return disk;
        }

        return prefix.EndsWith('p') && prefix.Length > 1 && char.IsAsciiDigit(prefix[^2]) && disks.TryGetValue(prefix[..^1], out disk)
            ? disk
            : null;
    }

    [GeneratedRegex("^(sd|vd|xvd|hd)([a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LetteredDisk();

    [GeneratedRegex("^([a-z]+)-?([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedDisk();
}
