using System.Collections.Immutable;
using Kstat.Tree;

namespace Kstat.Tree.Tests.Values;

public class KstatReadingTests
{
    [Fact]
    public void A_repeated_name_keeps_the_last_value_at_the_first_position()
    {
        var reading = new KstatReading(1, [new("a", 1), new("b", 2), new("a", 3)]);

        Assert.Equal(2, reading.Count);
        Assert.Equal<string>(["a", "b"], reading.Keys);
        Assert.Equal(3, (long)reading["a"]);
    }

    [Fact]
    public void A_shared_schema_needs_one_value_per_name()
    {
        var schema = new KstatSchema(["a", "b"]);
        var reading = new KstatReading(5, schema, [1, 2]);

        Assert.Same(schema, reading.Schema);
        Assert.Equal(2, (long)reading["b"]);
        Assert.Throws<ArgumentException>(() => new KstatReading(5, schema, [1]));
        Assert.Throws<ArgumentException>(() => new KstatReading(5, schema, default(ImmutableArray<KstatValue>)));
        Assert.Throws<ArgumentException>(() => new KstatSchema(["a", "a"]));
        Assert.True(schema.SequenceEqual(["a", "b"]));
        Assert.False(schema.SequenceEqual(["b", "a"]));
    }

    [Fact]
    public void A_missing_statistic_throws_key_not_found()
    {
        var reading = new KstatReading(1, [new("a", 1)]);

        Assert.False(reading.TryGetValue("b", out _));
        Assert.Throws<KeyNotFoundException>(() => reading["b"]);
    }
}
