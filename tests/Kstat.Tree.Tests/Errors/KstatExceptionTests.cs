namespace Kstat.Tree.Tests.Errors;

/// <summary>The exceptions have the standard constructors, bound as .NET binds them, and the domain ones beside.</summary>
public class KstatExceptionTests
{
    public static TheoryData<Type> ExceptionTypes =>
        [.. typeof(KstatException).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t))];

    [Theory]
    [MemberData(nameof(ExceptionTypes))]
    public void Every_exception_has_the_standard_constructors(Type type)
    {
        var inner = new IOException("cause");

        var empty = (Exception)Activator.CreateInstance(type)!;
        var withMessage = (Exception)Activator.CreateInstance(type, "what failed")!;
        var withInner = (Exception)Activator.CreateInstance(type, "what failed", inner)!;

        Assert.NotNull(empty.Message);
        Assert.Equal("what failed", withMessage.Message);
        Assert.Equal("what failed", withInner.Message);
        Assert.Same(inner, withInner.InnerException);
    }

    [Fact]
    public void A_not_found_exception_with_one_string_takes_it_as_the_message()
    {
        var e = new KstatNotFoundException("The disk went away.");

        Assert.Equal("The disk went away.", e.Message);
        Assert.Equal(string.Empty, e.Key);
    }

    [Fact]
    public void A_not_found_exception_names_its_key_beside_the_message_as_ArgumentException_names_its_parameter()
    {
        var named = new KstatNotFoundException("kstat_read failed: ENXIO", "sd:0:sd0", 6);
        var plain = new KstatNotFoundException(null, "sd:0:sd0");

        Assert.Equal(("kstat_read failed: ENXIO", "sd:0:sd0", 6), (named.Message, named.Key, named.Errno));
        Assert.Equal("The kstat 'sd:0:sd0' no longer exists.", plain.Message);
        Assert.Equal("sd:0:sd0", plain.Key);
        Assert.Throws<ArgumentNullException>(() => new KstatNotFoundException("m", (string)null!));
    }

    [Fact]
    public void A_format_exception_names_its_source_as_its_property_does()
    {
        var e = new KstatFormatException(problem: "expected a TAB", sourceName: "capture.txt", line: 12, column: 7);

        Assert.Equal("capture.txt:12:7: expected a TAB", e.Message);
        Assert.Equal(("capture.txt", 12, 7, "expected a TAB"), (e.SourceName, e.Line, e.Column, e.Problem));
    }
}
