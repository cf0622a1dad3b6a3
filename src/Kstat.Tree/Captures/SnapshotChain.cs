using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using System.Text;

namespace Kstat.Tree;

/// <summary>
/// A kstat chain read from text that kstat(1) printed (<c>kstat -p</c>, <c>-j</c> or the human format): a capture
/// from a Solaris or illumos machine, explored anywhere. A capture with several rounds (interval output) is a
/// series: <see cref="Update"/> steps to the next round.
/// </summary>
/// <remarks>
/// <para>The whole capture is parsed when it is loaded, with memory proportional to the kstats it holds (the file
/// is streamed, never held as one string); any malformed input gives a <see cref="KstatFormatException"/> naming the
/// source, line and column.</para>
/// <para>Headers: <see cref="KstatHeader.Kid"/> is stable for a kstat across rounds and changes when its
/// <c>crtime</c> changes (a re-created kstat); <see cref="KstatHeader.Class"/> is empty when the capture does not
/// show it; <see cref="KstatHeader.Type"/> is the <c>-j</c> type, else inferred from the statistic names (I/O,
/// interrupt, timer, kstat(1)'s raw decoders; otherwise named). Readings hold the statistics without
/// <c>class</c>, <c>crtime</c> and <c>snaptime</c>; a statistic printed twice keeps its last value.</para>
/// <para>Thread safe: <see cref="Read(KstatHeader)"/> may run on any thread, also during <see cref="Update"/>.</para>
/// </remarks>
[DebuggerDisplay("SnapshotChain {SourceName,nq}: round {Round + 1} of {RoundCount}, {Headers.Count} kstats")]
public sealed class SnapshotChain : IKstatChain, IKstatSeries
{
    private readonly ImmutableArray<SnapshotRound> _rounds;
    private readonly Lock _lock = new();
    private volatile int _round;
    private volatile bool _disposed;

    private SnapshotChain(IReadOnlyList<SnapshotRound> rounds, SnapshotFormat format, string? sourceName)
    {
        _rounds = [.. rounds];
        Format = format;
        SourceName = sourceName;
    }

    /// <summary>Gets the format the capture was read as (never <see cref="SnapshotFormat.Auto"/>).</summary>
    public SnapshotFormat Format { get; }

    /// <summary>Gets the name of the capture given when it was read (a path for <see cref="Load"/>), or <c>null</c>.</summary>
    public string? SourceName { get; }

    /// <summary>Gets the number of rounds in the capture; at least 1.</summary>
    public int RoundCount => _rounds.Length;

    /// <summary>Gets the 0-based index of the round the chain shows now.</summary>
    public int Round => _round;

    /// <summary>Gets a value indicating whether the chain shows the last round, so <see cref="Update"/> has nothing left to step to.</summary>
    public bool IsLastRound => _round == _rounds.Length - 1;

    /// <summary>Gets the <c>-T u</c> or <c>-T d</c> line printed before the current round, or <c>null</c>.</summary>
    public string? Timestamp => Current.Timestamp;

    /// <summary>Gets the time of the current round from its <c>-T u</c> line (or a <c>-T d</c> line in UTC), or <c>null</c>.</summary>
    public DateTimeOffset? TimestampTime => CaptureTimestamps.ToTime(Current.Timestamp);

    /// <summary>Gets the timestamp line of every round (<c>null</c> where there is none), in order.</summary>
    public IReadOnlyList<string?> Timestamps => [.. _rounds.Select(r => r.Timestamp)];

    /// <summary>Gets the id of the chain: it starts at 1 and grows by one at each round whose headers differ from the round before (kstats added, removed or re-created).</summary>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public long ChainId => Current.ChainId;

    /// <summary>Gets the headers of the kstats in the current round, in the order of the capture.</summary>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public IReadOnlyList<KstatHeader> Headers => Current.Headers;

    private SnapshotRound Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _rounds[_round];
        }
    }

    /// <summary>Reads a capture file; the format is detected unless given.</summary>
    /// <param name="path">The file: UTF-8 (or with a byte order mark) text that kstat(1) printed.</param>
    /// <param name="format">The format, or <see cref="SnapshotFormat.Auto"/> to detect it.</param>
    /// <returns>The chain, showing the first round.</returns>
    /// <remarks>The file is streamed line by line; memory grows with the kstats kept, not with the file's size.</remarks>
    /// <exception cref="KstatFormatException">The file is not a kstat(1) capture in that format: the exception names the line and column.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static SnapshotChain Load(string path, SnapshotFormat format = SnapshotFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckFormat(format);
        // Unbuffered: the reader's own buffer takes the file straight from the system.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);

        // 64 KiB reads for a large file; a small one is read in about eight, into buffers sized to match: a short-lived
        // process (the kstat command) pays for every page of memory it touches, more than for a few more reads.
        int bufferSize = stream.CanSeek ? (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(stream.Length / 8, 4096, 1 << 16)) : 1 << 16;

        // A replacing decoder, so that the line reader can say on which line and column the bad bytes are.
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize);
        return Read(new CaptureLineReader(reader, path, replacementIsInvalid: true, bufferSize / 2), format);
    }

    /// <summary>Reads a capture held in a string.</summary>
    /// <param name="text">The text kstat(1) printed.</param>
    /// <param name="format">The format, or <see cref="SnapshotFormat.Auto"/> to detect it.</param>
    /// <param name="sourceName">A name for the text in error messages, or <c>null</c>.</param>
    /// <returns>The chain, showing the first round.</returns>
    /// <exception cref="KstatFormatException">The text is not a kstat(1) capture in that format.</exception>
    public static SnapshotChain Parse(string text, SnapshotFormat format = SnapshotFormat.Auto, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, format, sourceName);
    }

    /// <summary>Reads a capture from a reader, to its end.</summary>
    /// <param name="reader">The text kstat(1) printed; it is not disposed.</param>
    /// <param name="format">The format, or <see cref="SnapshotFormat.Auto"/> to detect it.</param>
    /// <param name="sourceName">A name for the text in error messages (a file name), or <c>null</c>.</param>
    /// <returns>The chain, showing the first round.</returns>
    /// <exception cref="KstatFormatException">The text is not a kstat(1) capture in that format.</exception>
    /// <exception cref="IOException">The reader failed.</exception>
    public static SnapshotChain Read(TextReader reader, SnapshotFormat format = SnapshotFormat.Auto, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        CheckFormat(format);
        return Read(new CaptureLineReader(reader, sourceName), format);
    }

    private static SnapshotChain Read(CaptureLineReader lines, SnapshotFormat format)
    {
        if (format == SnapshotFormat.Auto)
        {
            format = Detect(lines);
        }

        var builder = new CaptureBuilder(lines);
        switch (format)
        {
            case SnapshotFormat.Json:
                JsonCaptureReader.Read(lines, builder);
                break;
            case SnapshotFormat.Human:
                HumanCaptureReader.Read(lines, builder);
                break;
            default:
                ParseableCaptureReader.Read(lines, builder);
                break;
        }

        return new SnapshotChain(builder.Finish(), format, lines.SourceName);
    }

    /// <summary>Steps to the next round of the capture (kstat_chain_update between two rounds of interval output).</summary>
    /// <returns><see langword="true"/> when the next round's kstats differ from this round's (added, removed or re-created); <see langword="false"/> when they are the same, or when this is the last round (the chain then stays on it).</returns>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public bool Update()
    {
        lock (_lock)
        {
            var before = Current;
            if (_round + 1 >= _rounds.Length)
            {
                return false;
            }

            _round++;
            return _rounds[_round].ChainId != before.ChainId;
        }
    }

    /// <summary>Gets the values of a kstat in the current round.</summary>
    /// <param name="header">A header of this chain.</param>
    /// <returns>The statistics (without <c>class</c>, <c>crtime</c> and <c>snaptime</c>) and the round's <c>snaptime</c> (0 when the capture does not show it).</returns>
    /// <exception cref="KstatNotFoundException">The kstat is not in the current round, or kstat(1) printed no data for it (its read failed).</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public KstatReading Read(KstatHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var round = Current;
        if (!round.Readings.TryGetValue(header.Kid, out var reading))
        {
            throw new KstatNotFoundException($"The kstat '{header.Key}' is not in round {_round + 1} of the capture.", header.Key);
        }

        return reading ?? throw new KstatNotFoundException(
            $"The capture has no data for the kstat '{header.Key}' in round {_round + 1}: kstat(1) printed only its crtime, so reading it had failed.", header.Key);
    }

    /// <summary>Releases the chain; afterwards its members throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _disposed = true;

    private static void CheckFormat(SnapshotFormat format)
    {
        // Not Enum.IsDefined: it builds the enum's reflection data, 3% of a whole run of the native kstat command.
        if (format is not (SnapshotFormat.Auto or SnapshotFormat.Parseable or SnapshotFormat.Json or SnapshotFormat.Human))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Not a snapshot format.");
        }
    }

    private static SnapshotFormat Detect(CaptureLineReader lines)
    {
        // Blank lines before the first line that tells are dropped, so that a file of blanks costs no memory.
        var seen = new List<(string Line, int Number)>();
        var format = SnapshotFormat.Parseable;
        while (lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            seen.Add((line, lines.LineNumber));
            if (CaptureTimestamps.IsTimestamp(line))
            {
                continue;
            }

            var text = line.AsSpan().TrimStart();
            format = text[0] is '[' or '{' ? SnapshotFormat.Json
                : line.StartsWith("module:", StringComparison.Ordinal) && line.Length > 7 && line[7] is ' ' or '\t' ? SnapshotFormat.Human
                : SnapshotFormat.Parseable;
            break;
        }

        lines.PushBack(seen);
        return format;
    }
}
