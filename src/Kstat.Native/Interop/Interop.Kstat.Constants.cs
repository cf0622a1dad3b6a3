/// <content>The constants of sys/kstat.h and the errno values the binding tells apart.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        internal const int KSTAT_STRLEN = 31;

        internal const byte KSTAT_TYPE_RAW = 0;
        internal const byte KSTAT_TYPE_NAMED = 1;
        internal const byte KSTAT_TYPE_INTR = 2;
        internal const byte KSTAT_TYPE_IO = 3;
        internal const byte KSTAT_TYPE_TIMER = 4;

        internal const byte KSTAT_DATA_CHAR = 0;
        internal const byte KSTAT_DATA_INT32 = 1;
        internal const byte KSTAT_DATA_UINT32 = 2;
        internal const byte KSTAT_DATA_INT64 = 3;
        internal const byte KSTAT_DATA_UINT64 = 4;
        internal const byte KSTAT_DATA_FLOAT = 5;
        internal const byte KSTAT_DATA_DOUBLE = 6;
        internal const byte KSTAT_DATA_STRING = 9;

        internal const int KSTAT_INTR_HARD = 0;
        internal const int KSTAT_INTR_SOFT = 1;
        internal const int KSTAT_INTR_WATCHDOG = 2;
        internal const int KSTAT_INTR_SPURIOUS = 3;
        internal const int KSTAT_INTR_MULTSVC = 4;
        internal const int KSTAT_NUM_INTRS = 5;

        // errno values; illumos and Linux agree on these small numbers.
        internal const int EPERM = 1;
        internal const int ENOENT = 2;
        internal const int ENXIO = 6;
        internal const int EAGAIN = 11;
        internal const int ENOMEM = 12;
        internal const int EACCES = 13;
    }
}
