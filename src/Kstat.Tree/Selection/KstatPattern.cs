using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// One field of a kstat(1) selector: a shell glob matched against the whole text (<c>gmatch(3GEN)</c>:
/// <c>*</c>, <c>?</c>, <c>[...]</c>, <c>[!...]</c>), or, between slashes, an unanchored POSIX extended regular
/// expression (<c>/idle|user/</c>).
/// </summary>
/// <remarks>
/// <para>A regular expression follows illumos <c>regcomp(3C)</c> exactly (the grammar it accepts and rejects, word
/// boundaries <c>\&lt;</c> and <c>\&gt;</c>, <c>[[:&lt;:]]</c>, collating elements such as <c>[[.hyphen.]]</c>,
/// the C locale's character classes) and is matched by an automaton in time linear in the text, whatever the
/// expression: there are no back-references in a POSIX ERE, so nothing needs backtracking.</para>
/// <para>Immutable and thread safe. A regular expression is compiled once, when the pattern is parsed.</para>
/// </remarks>
[DebuggerDisplay("{Text}")]
public sealed class KstatPattern : IEquatable<KstatPattern>
{
    private readonly GlobMatcher? _glob;
    private readonly PosixRegex? _regex;

    private KstatPattern(string text, GlobMatcher? glob, PosixRegex? regex)
    {
        Text = text;
        _glob = glob;
        _regex = regex;
    }

    /// <summary>Gets the pattern that matches everything (<c>*</c>).</summary>
    public static KstatPattern Any { get; } = new("*", new GlobMatcher("*"), null);

    /// <summary>Gets the pattern as written, slashes included for a regular expression.</summary>
    public string Text { get; }

    /// <summary>Gets a value indicating whether the pattern is a regular expression (written between slashes).</summary>
    public bool IsRegex => _regex is not null;

    /// <summary>Gets a value indicating whether the pattern matches every string (a glob of stars only).</summary>
    public bool MatchesAll => _glob is { MatchesAll: true };

    /// <summary>Parses a pattern the way kstat(1) does: <c>/.../</c> (starts and ends with a slash, at least two characters) is a regular expression, anything else a glob.</summary>
    /// <param name="pattern">The pattern text.</param>
    /// <returns>The compiled pattern.</returns>
    /// <remarks>The expression lies between the first slash and the last one, as kstat(1) takes it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="FormatException">The pattern is a regular expression that illumos regcomp rejects; the message gives
    /// regcomp's reason and the column (<c>repetition-operator operand invalid: '/^*/' at column 3</c>).</exception>
    public static KstatPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == "*")
        {
            return Any;
        }

        if (pattern.Length >= 2 && pattern[0] == '/' && pattern[^1] == '/')
        {
            return new KstatPattern(pattern, null, PosixRegex.Compile(pattern));
        }

        return new KstatPattern(pattern, new GlobMatcher(pattern), null);
    }

    /// <summary>Tells whether a text matches the pattern: the whole text for a glob, any substring for a regular expression.</summary>
    /// <param name="text">The module, instance (as decimal text), name, class or statistic.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _regex is not null ? _regex.IsMatch(text) : _glob!.IsMatch(text);
    }

    /// <inheritdoc/>
    public bool Equals(KstatPattern? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KstatPattern);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Returns the pattern as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
