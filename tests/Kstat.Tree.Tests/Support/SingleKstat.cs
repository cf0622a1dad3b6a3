using Kstat.Tree;
using NSubstitute;

namespace Kstat.Tree.Tests.Support;

/// <summary>A tree over one NAMED kstat whose reading is given, as a porter's script meets it.</summary>
public static class SingleKstat
{
    /// <summary>Builds the tree; <paramref name="key"/> is <c>module:instance:name</c>.</summary>
    public static KstatTree Tree(string key, params (string Name, KstatValue Value)[] statistics) => Tree(key, null, statistics);

    public static KstatTree Tree(string key, KstatTreeOptions? options, params (string Name, KstatValue Value)[] statistics)
    {
        var parts = key.Split(':');
        var header = new KstatHeader(parts[0], int.Parse(parts[1]), parts[2], "misc", KstatType.Named, 5_000_000_000, 1);
        var chain = Substitute.For<IKstatChain>();
        chain.ChainId.Returns(1);
        chain.Headers.Returns([header]);
        chain.Read(header).Returns(_ => Reading(7_250_000_000, statistics));
        return new KstatTree(chain, options);
    }

    public static KstatReading Reading(long snapTime, params (string Name, KstatValue Value)[] statistics) =>
        new(snapTime, statistics.Select(s => new KeyValuePair<string, KstatValue>(s.Name, s.Value)));
}
