namespace Kstat.Tree.Tests.Support;

/// <summary>
/// What every IReadOnlyDictionary in the library must do, whatever the level: subclassed once per tree level.
/// </summary>
public abstract class ReadOnlyDictionaryConformance<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Creates the dictionary under test and the entries it must hold.</summary>
    protected abstract (IReadOnlyDictionary<TKey, TValue> Dictionary, IReadOnlyDictionary<TKey, TValue> Expected) Create();

    /// <summary>A key the dictionary does not hold.</summary>
    protected abstract TKey MissingKey { get; }

    [Fact]
    public void Count_keys_values_and_enumeration_agree()
    {
        var (dictionary, expected) = Create();

        Assert.Equal(expected.Count, dictionary.Count);
        Assert.Equal(expected.Keys.ToHashSet(), dictionary.Keys.ToHashSet());
        Assert.Equal(dictionary.Keys.Count(), dictionary.Values.Count());
        Assert.Equal(dictionary.Count, dictionary.Select(p => p.Key).Count());
        Assert.Equal(dictionary.Keys, dictionary.Select(p => p.Key));
        Assert.Equal(dictionary.Keys.Distinct().Count(), dictionary.Count);
    }

    [Fact]
    public void Lookups_agree_with_enumeration()
    {
        var (dictionary, expected) = Create();

        foreach (var (key, value) in dictionary)
        {
            Assert.True(dictionary.ContainsKey(key));
            Assert.True(dictionary.TryGetValue(key, out var found));
            Assert.Equal(value, found);
            Assert.Equal(value, dictionary[key]);
            Assert.Equal(expected[key], value);
        }
    }

    [Fact]
    public void A_missing_key_is_absent_and_its_indexer_throws_key_not_found()
    {
        var (dictionary, _) = Create();

        Assert.False(dictionary.ContainsKey(MissingKey));
        Assert.False(dictionary.TryGetValue(MissingKey, out _));
        var e = Assert.Throws<KeyNotFoundException>(() => dictionary[MissingKey]);
        Assert.Contains(MissingKey.ToString()!, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dictionary_is_read_only_through_every_interface()
    {
        var (dictionary, _) = Create();

        Assert.False(dictionary is IDictionary<TKey, TValue> d && !d.IsReadOnly);
        Assert.False(dictionary is ICollection<KeyValuePair<TKey, TValue>> c && !c.IsReadOnly);
    }
}
