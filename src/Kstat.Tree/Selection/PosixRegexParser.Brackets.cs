namespace Kstat.Tree;

/// <content>Bracket expressions: <c>p_bracket</c>, <c>p_b_term</c>, <c>p_b_symbol</c> and <c>p_b_coll_elem</c> of regcomp.c.</content>
internal sealed partial class PosixRegexParser
{
    // p_bracket, after the '[' at `open`.
    private RegexNode ParseBracket(int open)
    {
        // regcomp's "truly sickening special-case kludges": the whole bracket is the word boundary.
        if (_end - _p >= 6 && string.CompareOrdinal(_text, _p, "[:<:]]", 0, 6) == 0)
        {
            _p += 6;
            return new RegexNode.Assert(RegexAssertion.WordStart);
        }

        if (_end - _p >= 6 && string.CompareOrdinal(_text, _p, "[:>:]]", 0, 6) == 0)
        {
            _p += 6;
            return new RegexNode.Assert(RegexAssertion.WordEnd);
        }

        var set = new RegexCharSet { Invert = Eat('^') };
        if (Eat(']'))
        {
            set.Add(']');
        }
        else if (Eat('-'))
        {
            set.Add('-');
        }

        while (More && Peek != ']' && !SeeTwo('-', ']'))
        {
            ParseTerm(set, open);
        }

        if (Eat('-'))
        {
            set.Add('-');
        }

        if (!Eat(']'))
        {
            throw Error(RegexError.Bracket, open);
        }

        return new RegexNode.Set(set);
    }

    // p_b_term: a class, an equivalence class, a character or collating symbol, or a range.
    private void ParseTerm(RegexCharSet set, int open)
    {
        int at = _p;
        if (Peek == '-')
        {
            throw Error(RegexError.Range, at); // a '-' that neither ends a range nor stands first or last
        }

        char kind = Peek == '[' && More2 ? Peek2 : '\0';
        switch (kind)
        {
            case ':':
                _p += 2;
                if (!More)
                {
                    throw Error(RegexError.Bracket, open);
                }

                if (Peek is '-' or ']')
                {
                    throw Error(RegexError.CharacterType, at);
                }

                int name = _p;
                while (More && char.IsAsciiLetter(Peek))
                {
                    _p++;
                }

                if (_p - name >= 15 || !set.AddClass(_text[name.._p]))
                {
                    throw Error(RegexError.CharacterType, at);
                }

                CloseTerm(':', RegexError.CharacterType, at, open);
                break;
            case '=':
                _p += 2;
                if (!More)
                {
                    throw Error(RegexError.Bracket, open);
                }

                if (Peek is '-' or ']')
                {
                    throw Error(RegexError.Collate, at);
                }

                set.Add(CollatingElement('=', at, open));
                CloseTerm('=', RegexError.Collate, at, open);
                break;
            default:
                char first = Symbol(open);
                char last = first;
                if (See('-') && More2 && Peek2 != ']')
                {
                    _p++;
                    last = Eat('-') ? '-' : Symbol(open);
                }

                if (first > last)
                {
                    throw Error(RegexError.Range, at);
                }

                set.AddRange(first, last);
                break;
        }
    }

    private void CloseTerm(char kind, RegexError error, int at, int open)
    {
        if (!More)
        {
            throw Error(RegexError.Bracket, open);
        }

        if (!EatTwo(kind, ']'))
        {
            throw Error(error, at);
        }
    }

    // p_b_symbol: one character, or a collating symbol [.name.].
    private char Symbol(int open)
    {
        if (!More)
        {
            throw Error(RegexError.Bracket, open);
        }

        int at = _p;
        if (!EatTwo('[', '.'))
        {
            return _text[_p++];
        }

        char value = CollatingElement('.', at, open);
        if (!EatTwo('.', ']'))
        {
            throw Error(RegexError.Collate, at);
        }

        return value;
    }

    // p_b_coll_elem: the text up to "<end>]" is a character name (cname.h) or a single character.
    private char CollatingElement(char end, int at, int open)
    {
        int start = _p;
        while (More && !SeeTwo(end, ']'))
        {
            _p++;
        }

        if (!More)
        {
            throw Error(RegexError.Bracket, open);
        }

        var name = _text.AsSpan(start, _p - start);
        if (RegexCharacterNames.TryGet(name, out char named))
        {
            return named;
        }

        return name.Length switch
        {
            1 => name[0],
            0 => throw Error(RegexError.Character, at), // mbrtowc of nothing: an incomplete character
            _ => throw Error(RegexError.Collate, at),
        };
    }
}
