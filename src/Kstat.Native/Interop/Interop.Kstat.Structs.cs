using System.Runtime.InteropServices;


/// <content>The libkstat structs with their LP64 layouts (kstat.h, sys/kstat.h); the layout tests pin every offset.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct kstat_ctl_t
        {
            internal int kc_chain_id;
            internal kstat_t* kc_chain;
            internal int kc_kd;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct kstat_t
        {
            internal long ks_crtime;
            internal kstat_t* ks_next;
            internal int ks_kid;
            internal fixed byte ks_module[KSTAT_STRLEN];
            internal byte ks_resv;
            internal int ks_instance;
            internal fixed byte ks_name[KSTAT_STRLEN];
            internal byte ks_type;
            internal fixed byte ks_class[KSTAT_STRLEN];
            internal byte ks_flags;
            internal void* ks_data;
            internal uint ks_ndata;
            internal nuint ks_data_size;
            internal long ks_snaptime;
            internal void* ks_update;
            internal void* ks_private;
            internal void* ks_snapshot;
            internal void* ks_lock;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct kstat_named_t
        {
            internal fixed byte name[KSTAT_STRLEN];
            internal byte data_type;
            internal kstat_named_value value;
        }

        /// <summary>The 16-byte value union of <see cref="kstat_named_t"/>.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 16)]
        internal unsafe struct kstat_named_value
        {
            [FieldOffset(0)] internal fixed byte c[16];
            [FieldOffset(0)] internal int i32;
            [FieldOffset(0)] internal uint ui32;
            [FieldOffset(0)] internal long i64;
            [FieldOffset(0)] internal ulong ui64;
            [FieldOffset(0)] internal float f;
            [FieldOffset(0)] internal double d;
            [FieldOffset(0)] internal byte* str_ptr;    // value.str.addr.ptr
            [FieldOffset(8)] internal uint str_len;     // value.str.len: bytes including the NUL
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct kstat_intr_t
        {
            internal fixed uint intrs[KSTAT_NUM_INTRS];
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct kstat_io_t
        {
            internal ulong nread;
            internal ulong nwritten;
            internal uint reads;
            internal uint writes;
            internal long wtime;
            internal long wlentime;
            internal long wlastupdate;
            internal long rtime;
            internal long rlentime;
            internal long rlastupdate;
            internal uint wcnt;
            internal uint rcnt;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct kstat_timer_t
        {
            internal fixed byte name[KSTAT_STRLEN];
            internal byte resv;
            internal ulong num_events;
            internal long elapsed_time;
            internal long min_time;
            internal long max_time;
            internal long start_time;
            internal long stop_time;
        }
    }
}
