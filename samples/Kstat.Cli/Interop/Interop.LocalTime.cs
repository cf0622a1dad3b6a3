using System.Runtime.InteropServices;

/// <content>The local time zone as the C library knows it (<c>TZ</c>, <c>/etc/localtime</c>).</content>
internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// Bytes enough for any <c>struct tm</c>: nine <c>int</c> fields first everywhere (illumos has only those; glibc,
        /// musl and the BSDs add <c>tm_gmtoff</c> and <c>tm_zone</c> after them).
        /// </summary>
        internal const int TmSize = 64;

        /// <summary>The <c>int</c> fields of <c>struct tm</c>, in their order.</summary>
        internal enum TmField
        {
            tm_sec,
            tm_min,
            tm_hour,
            tm_mday,
            tm_mon,
            tm_year,
            tm_wday,
            tm_yday,
            tm_isdst,
        }

        /// <summary><c>void tzset(void)</c>: reads <c>TZ</c> again.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial void tzset();

        /// <summary><c>struct tm *localtime_r(const time_t *clock, struct tm *res)</c>: null on failure.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static unsafe partial byte* localtime_r(long* clock, byte* res);

        /// <summary><c>size_t strftime(char *s, size_t maxsize, const char *format, const struct tm *timeptr)</c>: 0 when it did not fit.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static unsafe partial nuint strftime(byte* s, nuint maxsize, byte* format, byte* timeptr);
    }
}
