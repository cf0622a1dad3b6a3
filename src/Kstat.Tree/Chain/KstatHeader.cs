using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// What a kstat chain says about one kstat without reading its data: the fields of a <c>kstat_t</c>
/// header that identify it.
/// </summary>
/// <param name="Module">The module (<c>ks_module</c>), for example <c>cpu_stat</c>.</param>
/// <param name="Instance">The instance number (<c>ks_instance</c>); may be negative.</param>
/// <param name="Name">The name (<c>ks_name</c>), for example <c>cpu_stat0</c>.</param>
/// <param name="Class">The class (<c>ks_class</c>), for example <c>misc</c> or <c>disk</c>.</param>
/// <param name="Type">The type of the kstat's data (<c>ks_type</c>).</param>
/// <param name="CrTime">The creation time (<c>ks_crtime</c>) in nanoseconds of <c>gethrtime()</c>.</param>
/// <param name="Kid">The kstat's unique id in its chain (<c>ks_kid</c>); a re-created kstat gets a new one.</param>
public sealed record KstatHeader(string Module, int Instance, string Name, string Class,
                                 KstatType Type, long CrTime, long Kid)
{
    /// <summary>Gets the key <c>"module:instance:name"</c> that Perl's <c>update()</c> and kstat(1) use.</summary>
    public string Key => FormatKey(Module, Instance, Name);

    /// <summary>Formats a key the way Perl's <c>update()</c> does (<c>%s:%d:%s</c>), for example <c>"cpu_stat:0:cpu_stat0"</c>.</summary>
    internal static string FormatKey(string module, int instance, string name) =>
        string.Concat(module, ":", instance.ToString(CultureInfo.InvariantCulture), ":", name);
}
