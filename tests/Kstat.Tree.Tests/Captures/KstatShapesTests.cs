namespace Kstat.Tree.Tests.Captures;

/// <summary>
/// The types a capture's kstats get back from their statistic names alone, checked against the structs of
/// kstat(3KSTAT) and the raw decoders of kstat(1) field by field.
/// </summary>
public sealed class KstatShapesTests
{
    private static readonly string[] IoNames =
        ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"];

    private static readonly string[] IntrNames = ["hard", "soft", "watchdog", "spurious", "multiple_service"];

    private static readonly string[] TimerNames = ["name", "num_events", "elapsed_time", "min_time", "max_time", "start_time", "stop_time"];

    [Fact]
    public void Exactly_the_fields_of_a_kstat_type_give_that_type()
    {
        Assert.Equal(KstatType.Io, KstatShapes.Infer("sd", "sd0", IoNames));
        Assert.Equal(KstatType.Intr, KstatShapes.Infer("ehci", "ehci0", IntrNames));
        Assert.Equal(KstatType.Timer, KstatShapes.Infer("t", "t0", TimerNames));
    }

    [Theory]
    [InlineData("io")]
    [InlineData("intr")]
    [InlineData("timer")]
    public void One_field_missing_or_one_more_leaves_a_kstat_named(string type)
    {
        string[] names = type switch { "io" => IoNames, "intr" => IntrNames, _ => TimerNames };

        Assert.Equal(KstatType.Named, KstatShapes.Infer("m", "n", names.AsSpan(1)));
        Assert.Equal(KstatType.Named, KstatShapes.Infer("m", "n", [.. names, "extra"]));
    }

    [Fact]
    public void The_fields_of_a_kstat_type_have_the_kinds_of_its_struct()
    {
        var io = KstatShapes.FieldsOf(KstatType.Io, "sd", "sd0")!;
        Assert.Equal(
            [KstatValueKind.UInt64, KstatValueKind.UInt64, KstatValueKind.UInt32, KstatValueKind.UInt32, KstatValueKind.HrTime, KstatValueKind.HrTime,
             KstatValueKind.HrTime, KstatValueKind.HrTime, KstatValueKind.HrTime, KstatValueKind.HrTime, KstatValueKind.UInt32, KstatValueKind.UInt32],
            IoNames.Select(n => io.KindOf(n)!.Value));
        var timer = KstatShapes.FieldsOf(KstatType.Timer, "t", "t0")!;
        Assert.Equal(KstatValueKind.String, timer.KindOf("name"));
        Assert.Equal(KstatValueKind.UInt64, timer.KindOf("num_events"));
        Assert.Null(KstatShapes.FieldsOf(KstatType.Named, "sd", "sd0"));
    }

    [Theory]
    [InlineData("cpu_stat", "cpu_stat12", "idle", KstatValueKind.UInt32)]
    [InlineData("cpu_stat", "cpu_stat12", "iowait", KstatValueKind.Int32)]
    [InlineData("cpu_stat", "cpu_stat12", "fsfree", KstatValueKind.UInt32)]
    [InlineData("unix", "var", "v_bufhwm", KstatValueKind.Int32)]
    [InlineData("unix", "ncstats", "move_to_front", KstatValueKind.Int32)]
    [InlineData("unix", "sysinfo", "waiting", KstatValueKind.UInt32)]
    [InlineData("unix", "vminfo", "swap_free", KstatValueKind.UInt64)]
    [InlineData("nfs", "mntinfo", "mik_curserver", KstatValueKind.String)]
    [InlineData("nfs3", "mntinfo", "mik_timeo", KstatValueKind.Int32)]
    public void A_raw_kstat_is_told_by_module_and_name_without_digits_and_its_fields_keep_their_kinds(string module, string name, string field, KstatValueKind kind)
    {
        Assert.Equal(KstatType.Raw, KstatShapes.Infer(module, name, [field]));
        Assert.Equal(kind, KstatShapes.FieldsOf(KstatType.Raw, module, name)!.KindOf(field));
    }

    [Fact]
    public void A_raw_decoder_takes_only_its_own_fields()
    {
        Assert.Equal(KstatType.Named, KstatShapes.Infer("cpu_stat", "cpu_stat0", ["idle", "cpu_nsec_idle"]));
        Assert.Equal(KstatType.Named, KstatShapes.Infer("unix", "system_pages", ["freemem"]));
        Assert.Null(KstatShapes.FieldsOf(KstatType.Raw, "unix", "system_pages"));
    }
}
