using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace Kstat.Tree;

/// <content>Re-reading the leaves that were read, during <see cref="Update"/>: one read per leaf, or batches.</content>
public sealed partial class KstatTree
{
    /// <summary>Re-reads every valid leaf that holds a reading; a failure leaves the old values and is reported.</summary>
    /// <remarks>
    /// Walks the node arrays directly and allocates nothing but the readings while every read succeeds. A chain that is
    /// an <see cref="IKstatBatchReader"/> reads the leaves in batches of <see cref="LeafBatch.MaxCount"/>, each under one
    /// lock of the chain; any other chain reads leaf by leaf.
    /// </remarks>
    private ImmutableArray<KstatReadError> ReReadLeaves()
    {
        var reader = Context.Chain as IKstatBatchReader;
        var batch = default(LeafBatch);
        List<(KstatHeader Header, KstatReadError Error)>? errors = null;
        foreach (var module in Entries.Array)
        {
            foreach (var instance in module.Value.Entries.Array)
            {
                foreach (var entry in instance.Value.Entries.Array)
                {
                    var leaf = entry.Value;
                    if (!leaf.IsReadUnchecked || !leaf.IsValidUnchecked)
                    {
                        continue;
                    }

                    if (reader is not null)
                    {
                        if (batch.Add(leaf))
                        {
                            ReadBatch(reader, ref batch, ref errors);
                        }

                        continue;
                    }

                    var header = leaf.BoundHeader;
                    try
                    {
                        leaf.Publish(Context.Read(header));
                    }
                    catch (Exception e) when (IsReadError(e))
                    {
                        (errors ??= []).Add((header, new KstatReadError(header, e)));
                    }
                }
            }
        }

        if (reader is not null && batch.Count > 0)
        {
            ReadBatch(reader, ref batch, ref errors);
        }

        if (errors is null)
        {
            return [];
        }

        errors.Sort((x, y) => KstatOrder.Compare(x.Header, y.Header));
        return errors.Select(e => e.Error).ToImmutableArray();
    }

    /// <summary>Reads the gathered leaves in one batch and publishes each reading; failures are reported as leaf-by-leaf reads report them.</summary>
    private void ReadBatch(IKstatBatchReader reader, ref LeafBatch batch, ref List<(KstatHeader Header, KstatReadError Error)>? errors)
    {
        try
        {
            int count = batch.Count;
            var headers = batch.Headers;
            var readings = batch.Readings;
            var failures = batch.Errors;
            readings.Clear(); // a slot the chain failed to fill must not hand on the previous batch's reading
            failures.Clear();
            long ticket = Context.ReadBatch(reader, headers, readings, failures);
            var leaves = batch.Leaves;
            for (int i = 0; i < count; i++)
            {
                if (readings[i] is { } reading)
                {
                    leaves[i].Publish(Context.Prepare(reading, ticket + i));
                    continue;
                }

                var e = failures[i] ?? new KstatException($"The chain returned neither a reading nor an error for '{headers[i].Key}'.");
                if (!IsReadError(e))
                {
                    ExceptionDispatchInfo.Throw(e); // as a failed Read would: out of Update()
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
