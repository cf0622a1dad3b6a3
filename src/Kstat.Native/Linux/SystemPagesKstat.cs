using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>unix:0:system_pages</c> (class <c>pages</c>): physmem, freemem, availrmem, pagesfree, pagestotal in pages of
/// <see cref="Environment.SystemPageSize"/> bytes, UInt64 as on LP64 illumos, from <c>/proc/meminfo</c>.
/// </summary>
/// <remarks>
/// freemem and pagesfree are MemAvailable (illumos counts its cache list as free; MemAvailable is Linux's count of
/// memory usable without swapping), or MemFree on kernels without it. availrmem is MemTotal less what can never
/// be paged out (Unevictable, SUnreclaim, KernelStack, PageTables), absent when one of those is missing.
/// </remarks>
internal sealed class SystemPagesKstat() : ProcfsKstat("unix", 0, "system_pages", "pages", KstatType.Named)
{
    public override KstatReading Read(ProcfsContext context)
    {
        var files = context.Files;
        string path = files.Proc(ProcMeminfo.FileName);
        string text = files.ReadRequired(path, Key);
        long snap = context.Now();
        var m = ProcMeminfo.Read(path, text);
        ulong page = (ulong)context.PageSize;
        ulong total = m.TryGetValue("MemTotal", out ulong t)
            ? t / page
            : throw new KstatFormatException("expected a 'MemTotal:' line", path, 1, 1);
        ulong free = (m.TryGetValue("MemAvailable", out ulong a) ? a : m.TryGetValue("MemFree", out ulong f) ? f
            : throw new KstatFormatException("expected a 'MemAvailable:' or 'MemFree:' line", path, 1, 1)) / page;

        var values = new List<KeyValuePair<string, KstatValue>> { new("physmem", total), new("freemem", free) };
        if (m.TryGetValue("Unevictable", out ulong u) && m.TryGetValue("SUnreclaim", out ulong s)
            && m.TryGetValue("KernelStack", out ulong k) && m.TryGetValue("PageTables", out ulong p))
        {
            ulong pinned = (u + s + k + p) / page;
            values.Add(new("availrmem", total > pinned ? total - pinned : 0UL));
        }

        values.Add(new("pagesfree", free));
        values.Add(new("pagestotal", total));
        return new KstatReading(snap, values);
    }
}
