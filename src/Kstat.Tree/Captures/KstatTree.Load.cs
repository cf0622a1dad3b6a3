namespace Kstat.Tree;

/// <content>Loading a kstat(1) capture as a tree: the one-liner a LINQPad user types.</content>
public sealed partial class KstatTree
{
    /// <summary>Loads a capture file that kstat(1) printed (<c>-p</c>, <c>-j</c> or the human format, detected) as a tree.</summary>
    /// <param name="path">The capture file.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    /// <returns>The tree over a <see cref="SnapshotChain"/> showing the capture's first round; <see cref="Update"/> steps to the next.</returns>
    /// <remarks>Same as <c>new KstatTree(SnapshotChain.Load(path), options)</c>.</remarks>
    /// <exception cref="KstatFormatException">The file is not a kstat(1) capture; the exception names the line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static KstatTree Load(string path, KstatTreeOptions? options = null) => new(SnapshotChain.Load(path), options);

    /// <summary>Loads a capture file in a given format as a tree.</summary>
    /// <param name="path">The capture file.</param>
    /// <param name="format">The format, or <see cref="SnapshotFormat.Auto"/> to detect it.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    /// <returns>The tree over a <see cref="SnapshotChain"/> showing the capture's first round.</returns>
    /// <exception cref="KstatFormatException">The file is not a kstat(1) capture in that format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static KstatTree Load(string path, SnapshotFormat format, KstatTreeOptions? options = null) => new(SnapshotChain.Load(path, format), options);

    /// <summary>Parses text that kstat(1) printed as a tree.</summary>
    /// <param name="text">The capture.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    /// <returns>The tree over a <see cref="SnapshotChain"/> showing the capture's first round.</returns>
    /// <exception cref="KstatFormatException">The text is not a kstat(1) capture.</exception>
    public static KstatTree Parse(string text, KstatTreeOptions? options = null) => new(SnapshotChain.Parse(text), options);
}
