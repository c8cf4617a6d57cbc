package dev.hubcord.commands.parse;

import dev.hubcord.commands.api.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw text on whitespace. {@code "double"} and {@code 'single'} quotes group words (and may hold the other
 * quote), a backslash escapes the next character, and an unclosed quote is a usage error rather than a guess.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String raw) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(raw.charAt(++i));
                inToken = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if ((c == '"' || c == '\'') && (!inToken || endsWithEquals(current))) {
                // At a word's start, or right after --flag= as in --reason="a b".
                quote = c;
                quoted |= !inToken;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(new Token(current.toString(), quoted));
                    current.setLength(0);
                    inToken = false;
                    quoted = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("A quote (" + quote + ") is never closed.");
        }
        if (inToken) {
            tokens.add(new Token(current.toString(), quoted));
        }
        return tokens;
    }

    private static boolean endsWithEquals(StringBuilder s) {
        return !s.isEmpty() && s.charAt(s.length() - 1) == '=';
    }
}
