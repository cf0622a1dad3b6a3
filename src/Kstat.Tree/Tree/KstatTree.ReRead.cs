using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace Kstat.Tree;

/// <content>Re-reading the leaves that were read, and binding leaves to their kstat's new header, during <see cref="Update"/>.</content>
public sealed partial class KstatTree
{
    /// <summary>
    /// Re-reads every valid leaf that holds a reading, in batches, and binds the leaves whose header changed: a leaf that
    /// was read gets the new header together with the reading taken from it, in one swap; an unread one just the header.
    /// </summary>
    /// <param name="rebinds">The leaves whose kstat has a new header in the chain (re-created, or fields refreshed), or <c>null</c>.</param>
    /// <returns>The failed re-reads in kstat(1)'s order; a failed leaf keeps what it held, unless its header changed.</returns>
    private ImmutableArray<KstatReadError> ReReadLeaves(Dictionary<KstatLeaf, KstatHeader>? rebinds)
    {
        var batch = default(LeafBatch);
        List<(KstatHeader Header, KstatReadError Error)>? errors = null;
        foreach (var module in Entries.Array)
        {
            foreach (var instance in module.Value.Entries.Array)
            {
                foreach (var entry in instance.Value.Entries.Array)
                {
                    var leaf = entry.Value;
                    KstatHeader? rebind = null;
                    if (rebinds is not null && rebinds.TryGetValue(leaf, out var target))
                    {
                        rebind = target;
                    }

                    if (leaf.StateToReRead is { } seen)
                    {
                        if (batch.Add(leaf, seen, rebind ?? seen.Header))
                        {
                            ReadBatch(ref batch, ref errors);
                        }
                    }
                    else if (rebind is not null)
                    {
                        leaf.Bind(rebind, null);
                    }
                }
            }
        }

        if (batch.Count > 0)
        {
            ReadBatch(ref batch, ref errors);
        }

        if (errors is null)
        {
            return [];
        }

        errors.Sort((x, y) => KstatOrder.Compare(x.Header, y.Header));
        return errors.Select(e => e.Error).ToImmutableArray();
    }

    /// <summary>Reads the gathered leaves and publishes each reading; a failure that is not a read error leaves <see cref="Update"/> as a failed read would.</summary>
    private void ReadBatch(ref LeafBatch batch, ref List<(KstatHeader Header, KstatReadError Error)>? errors)
    {
        try
        {
            var headers = batch.Headers;
            var readings = batch.Readings;
            var failures = batch.Errors;
            Context.ReadMany(headers, readings, failures);
            var leaves = batch.Leaves;
            var seen = batch.Seen;
            for (int i = 0; i < leaves.Length; i++)
            {
                bool rebinding = !ReferenceEquals(headers[i], seen[i].Header);
                if (readings[i] is { } reading)
                {
                    if (rebinding)
                    {
                        leaves[i].Bind(headers[i], reading);
                    }
                    else
                    {
                        leaves[i].PublishReRead(seen[i], reading);
                    }

                    continue;
                }

                var e = failures[i]!;
                if (!IsReadError(e))
                {
                    ExceptionDispatchInfo.Throw(e); // the tree keeps its old chain id, so the next Update() does this again
                }

                if (rebinding)
                {
                    leaves[i].Bind(headers[i], null); // the values held belong to the old kstat: the next access reads the new one
                }

                (errors ??= []).Add((headers[i], new KstatReadError(headers[i], e)));
            }
        }
        finally
        {
            batch.Clear();
        }
    }

    private static bool IsReadError(Exception e) => e is KstatException or IOException or UnauthorizedAccessException;
}
