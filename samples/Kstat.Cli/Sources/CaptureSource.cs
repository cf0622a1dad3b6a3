using System.Text;
using Kstat.Tree;

namespace Kstat.Cli.Sources;

/// <summary>A kstat(1) capture (<c>-p</c>, <c>-j</c> or the default format) through <see cref="SnapshotChain"/>; a capture of several rounds is replayed round by round.</summary>
internal sealed class CaptureSource(SnapshotChain chain) : IKstatSource
{
    /// <summary>How a capture read from stdin is named in messages.</summary>
    internal const string StandardInputName = "<stdin>";

    public IKstatChain Chain => chain;

    public bool IsCapture => true;

    public DateTimeOffset? RoundTime => chain.TimestampTime;

    /// <summary>Reads the capture at <paramref name="path"/>, or stdin for <c>-</c>.</summary>
    /// <exception cref="KstatFormatException">The capture is malformed (the message names file:line:column).</exception>
    /// <exception cref="IOException">The capture cannot be read, or is a directory.</exception>
    public static CaptureSource Load(string path)
    {
        if (path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
            return new(SnapshotChain.Read(stdin, sourceName: StandardInputName));
        }

        if (Directory.Exists(path))
        {
            // .NET would say "Access to the path is denied", which sends the user after permissions.
            throw new IOException("is a directory");
        }

        return new(SnapshotChain.Load(path));
    }

    public bool NextRound()
    {
        if (chain.IsLastRound)
        {
            return false;
        }

        chain.Update();
        return true;
    }

    public void Dispose() => chain.Dispose();
}
