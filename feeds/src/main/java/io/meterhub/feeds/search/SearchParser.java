package io.meterhub.feeds.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Atom Hopper's category search. Two forms:
 *
 * <ul>
 *   <li>{@code +cat1+cat2}: entries with any of the terms (a query string may have turned the {@code +} into spaces;
 *       both separate terms);
 *   <li>{@code (cat=a)}, {@code (AND(cat=a)(cat=b))}, {@code (OR(...)(...))}, {@code (NOT(...))}, nested; AND and OR
 *       take one or more operands, NOT exactly one. Inside a term a backslash escapes the next character (so a term
 *       may hold {@code )} or {@code \}). Whitespace between parts is allowed.
 * </ul>
 *
 * A search names at most {@value #MAX_TERMS} terms and nests at most {@value #MAX_DEPTH} deep.
 */
public final class SearchParser {

    public static final int MAX_TERMS = 32;
    public static final int MAX_DEPTH = 8;

    private final String text;
    private int pos;
    private int terms;

    private SearchParser(String text) {
        this.text = text;
    }

    /** @throws SearchSyntaxException saying what is wrong and where */
    public static Search parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new SearchSyntaxException("the search is empty");
        }
        SearchParser parser = new SearchParser(trimmed);
        return trimmed.charAt(0) == '(' ? parser.expressionToEnd() : parser.plusTerms();
    }

    private Search plusTerms() {
        List<Search> parts = new ArrayList<>();
        for (String token : text.split("[+\\s]+")) {
            if (!token.isEmpty()) {
                count();
                parts.add(new Search.Category(token));
            }
        }
        if (parts.isEmpty()) {
            throw new SearchSyntaxException("the search names no category");
        }
        return parts.size() == 1 ? parts.get(0) : new Search.Or(parts);
    }

    private Search expressionToEnd() {
        Search s = expression(1);
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "' after the end of the search");
        }
        return s;
    }

    private Search expression(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("the search nests deeper than " + MAX_DEPTH);
        }
        skipSpace();
        expect('(');
        skipSpace();
        Search s;
        if (startsWith("cat=")) {
            pos += 4;
            count();
            s = new Search.Category(term());
        } else if (startsWith("AND")) {
            pos += 3;
            s = new Search.And(operands(depth));
        } else if (startsWith("OR")) {
            pos += 2;
            s = new Search.Or(operands(depth));
        } else if (startsWith("NOT")) {
            pos += 3;
            List<Search> operands = operands(depth);
            if (operands.size() != 1) {
                throw error("NOT takes exactly one operand, not " + operands.size());
            }
            s = new Search.Not(operands.get(0));
        } else {
            throw error("expected cat=, AND, OR or NOT");
        }
        skipSpace();
        expect(')');
        return s;
    }

    private List<Search> operands(int depth) {
        List<Search> out = new ArrayList<>();
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == '(') {
            out.add(expression(depth + 1));
            skipSpace();
        }
        if (out.isEmpty()) {
            throw error("expected an operand in parentheses");
        }
        return out;
    }

    private String term() {
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != ')') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("a backslash at the end escapes nothing");
                }
                c = text.charAt(pos++);
            } else if (c == '(') {
                throw error("'(' inside a category term must be escaped as '\\('");
            }
            out.append(c);
        }
        String term = out.toString().strip();
        if (term.isEmpty()) {
            throw error("empty category term");
        }
        return term;
    }

    private void count() {
        if (++terms > MAX_TERMS) {
            throw new SearchSyntaxException("the search names more than " + MAX_TERMS + " categories");
        }
    }

    private boolean startsWith(String word) {
        return text.startsWith(word, pos);
    }

    private void expect(char c) {
        if (pos >= text.length()) {
            throw error("expected '" + c + "' but the search ends");
        }
        if (text.charAt(pos) != c) {
            throw error("expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SearchSyntaxException error(String what) {
        return new SearchSyntaxException("search: " + what + " at position " + (pos + 1) + " of '" + text + "'");
    }
}
