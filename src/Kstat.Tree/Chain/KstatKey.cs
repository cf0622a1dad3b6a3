using System.Globalization;

namespace Kstat.Tree;

/// <summary>The <c>"module:instance:name"</c> keys that Perl's <c>update()</c> reports and kstat(1) prints.</summary>
internal static class KstatKey
{
    /// <summary>Formats a key the way Perl's <c>update()</c> does (<c>%s:%d:%s</c>).</summary>
    /// <param name="module">The module.</param>
    /// <param name="instance">The instance number.</param>
    /// <param name="name">The name.</param>
    /// <returns>The key, for example <c>"cpu_stat:0:cpu_stat0"</c>.</returns>
    public static string Format(string module, int instance, string name) =>
        string.Concat(module, ":", instance.ToString(CultureInfo.InvariantCulture), ":", name);
}
