namespace Kstat.Tree;

/// <summary>
/// The immutable entries of one tree node: an array in chain order, with a hash index only when the node
/// is large enough for it to pay. Most instances hold one or two kstats, where a linear scan beats a
/// Dictionary and costs a fraction of its memory.
/// </summary>
internal sealed class NodeEntries<TKey, TValue>
    where TKey : notnull
{
    private const int IndexThreshold = 8;

    private readonly KeyValuePair<TKey, TValue>[] _items;
    private readonly Dictionary<TKey, int>? _index;

    public NodeEntries(KeyValuePair<TKey, TValue>[] items)
    {
        _items = items;
        if (items.Length > IndexThreshold)
        {
            _index = new Dictionary<TKey, int>(items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                _index[items[i].Key] = i;
            }
        }
    }

    public static NodeEntries<TKey, TValue> Empty { get; } = new([]);

    public int Count => _items.Length;

    internal KeyValuePair<TKey, TValue>[] Array => _items;

    public bool TryGetValue(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            if (_index.TryGetValue(key, out int i))
            {
                value = _items[i].Value;
                return true;
            }
        }
        else
        {
            var items = _items;
            for (int i = 0; i < items.Length; i++)
            {
                if (EqualityComparer<TKey>.Default.Equals(items[i].Key, key))
                {
                    value = items[i].Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }
}
