using Kstat.Tree;
using Xunit;

namespace Kstat.Tree.Tests.Captures;

/// <summary>The <c>-T u</c> and <c>-T d</c> lines a capture may hold between rounds, told from kstat lines and turned into times.</summary>
public class CaptureTimestampsTests
{
    [Theory]
    [InlineData("1700000000")]
    [InlineData("  1700000000  ")]
    [InlineData("Thu Jul 22 19:39:50 UTC 1999")]
    [InlineData("Thu Jul 22 19:39:50 1999")]          // no zone
    [InlineData("Mon Jan  3 09:05:07 CEST 2022")]     // %e pads the day with a space
    [InlineData("Mon Jan 3 9:05:07 GMT+1 2022")]
    [InlineData("Mon Jan 3 9:05:07 EST5EDT 2022")]
    public void Timestamps_are_told(string line) => Assert.True(CaptureTimestamps.IsTimestamp(line));

    [Theory]
    [InlineData("")]
    [InlineData("unix:0:system_misc:ncpus\t2")]
    [InlineData("123456789012345678901")]               // too long for seconds, and no date
    [InlineData("Thu Jul 22 19:39:50 UTC 1999 extra")]  // a seventh field
    [InlineData("Thu Jul 22 19:39:50")]                 // no year
    [InlineData("THU Jul 22 19:39:50 UTC 1999")]        // a weekday is a capital and two small letters
    [InlineData("Thu Jul 222 19:39:50 UTC 1999")]
    [InlineData("Thu Jul 22 119:39:50 UTC 1999")]
    [InlineData("Thu Jul 22 19:3:50 UTC 1999")]
    [InlineData("Thu Jul 22 19:39:5 UTC 1999")]
    [InlineData("Thu Jul 22 19-39-50 UTC 1999")]
    [InlineData("Thu Jul 22 19:39:50 1UTC 1999")]       // a zone starts with a letter
    [InlineData("Thu Jul 22 19:39:50 U_C 1999")]
    [InlineData("Thu Jul 22 19:39:50 UTC 99")]
    [InlineData("Thu Jul 22 19:39:50 UTC 199x")]
    [InlineData("Thu Jul 22 19:39:50\tUTC 1999")]       // fields are between spaces, as date(1) prints them
    [InlineData("Thu Jul ٢٢ 19:39:50 UTC 1999")]       // digits are ASCII digits
    public void Other_lines_are_not_timestamps(string line) => Assert.False(CaptureTimestamps.IsTimestamp(line));

    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20+00:00")]
    [InlineData("Thu Jul 22 19:39:50 UTC 1999", "1999-07-22T19:39:50+00:00")]
    [InlineData("Thu Jul 22 19:39:50 GMT 1999", "1999-07-22T19:39:50+00:00")]
    [InlineData("Thu Jul 22 19:39:50 1999", "1999-07-22T19:39:50+00:00")]
    [InlineData("Mon Jan  3 9:05:07 UTC 2022", "2022-01-03T09:05:07+00:00")]
    public void Times_in_UTC_are_resolved(string line, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CaptureTimestamps.ToTime(line));

    [Theory]
    [InlineData(null)]
    [InlineData("Thu Jul 22 19:39:50 CEST 1999")]  // a zone that cannot be resolved
    [InlineData("Thu Foo 22 19:39:50 UTC 1999")]   // no such month
    [InlineData("Thu Jul 32 19:39:50 UTC 1999")]   // no such day
    [InlineData("Thu Jul 22 25:39:50 UTC 1999")]
    [InlineData("99999999999999")]                  // past year 9999
    public void Other_times_are_unknown(string? line) => Assert.Null(CaptureTimestamps.ToTime(line));
}
