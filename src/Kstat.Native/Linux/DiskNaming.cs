using System.Globalization;

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
internal static class DiskNaming
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
        // sda, sdz, sdaa: a driver and letters in bijective base 26, as the kernel names them (six letters stay far
        // below int.MaxValue; a longer run of letters comes from a damaged file and falls through to the generic name).
        foreach (string driver in LetteredDrivers)
        {
            var letters = name.AsSpan();
            if (letters.StartsWith(driver, StringComparison.Ordinal) && (letters = letters[driver.Length..]).Length is > 0 and <= 6 &&
                !letters.ContainsAnyExceptInRange('a', 'z'))
            {
                int index = 0;
                foreach (char c in letters)
                {
                    index = (index * 26) + (c - 'a' + 1);
                }

                return (driver, index - 1);
            }
        }

        // loop3, nvme0n1, dm-0, md127: lower-case letters, an optional '-', then the kernel's number.
        int prefix = name.AsSpan().IndexOfAnyExceptInRange('a', 'z');
        if (prefix > 0)
        {
            int start = name[prefix] == '-' ? prefix + 1 : prefix;
            int digits = name.AsSpan(start).IndexOfAnyExceptInRange('0', '9');
            var number = digits < 0 ? name.AsSpan(start) : name.AsSpan(start, digits);
            if (!number.IsEmpty && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                return (name[..prefix], n);
            }
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

    // The kernel's lettered disk drivers (SCSI/SATA, virtio, Xen, IDE); kept out of a regular expression so that the
    // native kstat command carries no regular-expression engine.
    private static readonly string[] LetteredDrivers = ["sd", "vd", "xvd", "hd"];
}
