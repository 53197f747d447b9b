package io.meterhub.mediation.jsonpath;

import io.meterhub.mediation.jsonpath.python.PyStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer of jsonpath_rw_ext's {@code ExtendedJsonPathLexer}. At each position it tries the token rules in the
 * order PLY tries them (BOOL, SORT_DIRECTION, ID, FLOAT, NUMBER, quotes, newline, FILTER_OP, DOUBLEDOT), the first rule
 * that matches wins even when a later one would match more, then single-character literals. So {@code trueish} is
 * BOOL then ID, and every {@code /} is a SORT_DIRECTION, never the division operator.
 */
final class Lexer {

    private static final String LITERALS = "*.[]()$,:|&?@+/-";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with an end token. */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        lexer.tokens.add(new Token(Token.END, null, text.length()));
        return lexer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++; // PLY's t_ignore
            } else if (!(bool()
                    || sortDirection()
                    || id()
                    || number()
                    || quoted()
                    || newline()
                    || filterOp()
                    || doubleDot())) {
                literal(c);
            }
        }
    }

    private boolean bool() {
        for (String word : new String[] {"true", "false"}) {
            if (text.startsWith(word, pos)) {
                emit("BOOL", word.equals("true"), pos + word.length());
                return true;
            }
        }
        return false;
    }

    /** {@code ,?\s*(/|\\)} */
    private boolean sortDirection() {
        int i = pos;
        if (text.charAt(i) == ',') {
            i++;
        }
        while (i < text.length() && PyStrings.isSpace(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i < text.length() && (text.charAt(i) == '/' || text.charAt(i) == '\\')) {
            emit("SORT_DIRECTION", String.valueOf(text.charAt(i)), i + 1);
            return true;
        }
        return false;
    }

    /** {@code @?[a-zA-Z_][a-zA-Z0-9_@\-]*}, or the reserved word {@code where}. */
    private boolean id() {
        int i = pos;
        if (text.charAt(i) == '@') {
            i++;
        }
        if (i >= text.length() || !isIdStart(text.charAt(i))) {
            return false;
        }
        i++;
        while (i < text.length()
                && (isIdStart(text.charAt(i))
                        || isAsciiDigit(text.charAt(i))
                        || text.charAt(i) == '@'
                        || text.charAt(i) == '-')) {
            i++;
        }
        String word = text.substring(pos, i);
        emit(word.equals("where") ? "WHERE" : "ID", word, i);
        return true;
    }

    /** {@code -?\d+\.\d+} (FLOAT) then {@code -?\d+} (NUMBER); Python's {@code \d} is any Unicode decimal digit. */
    private boolean number() {
        int i = pos;
        if (text.charAt(i) == '-') {
            i++;
        }
        int integerEnd = digits(i);
        if (integerEnd == i) {
            return false;
        }
        if (integerEnd < text.length() && text.charAt(integerEnd) == '.') {
            int fractionEnd = digits(integerEnd + 1);
            if (fractionEnd > integerEnd + 1) {
                emit("FLOAT", Double.parseDouble(ascii(pos, fractionEnd)), fractionEnd);
                return true;
            }
        }
        emit("NUMBER", new BigInteger(ascii(pos, integerEnd)), integerEnd);
        return true;
    }

    private int digits(int i) {
        while (i < text.length() && Character.getType(text.codePointAt(i)) == Character.DECIMAL_DIGIT_NUMBER) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private String ascii(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int digit = Character.digit(cp, 10);
            out.append(digit >= 0 ? (char) ('0' + digit) : (char) cp);
        }
        return out.toString();
    }

    /** A single-, double- or back-quoted string: an ID, or a NAMED_OPERATOR for backquotes. */
    private boolean quoted() {
        char quote = text.charAt(pos);
        if (quote != '\'' && quote != '"' && quote != '`') {
            return false;
        }
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= text.length()) {
                throw new JsonPathSyntaxException(text, start, "unexpected end of expression in a quoted string");
            }
            char c = text.charAt(i);
            if (c == quote) {
                emit(quote == '`' ? "NAMED_OPERATOR" : "ID", value.toString(), i + 1);
                return true;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) == '\n') {
                    throw new JsonPathSyntaxException(text, i, "unexpected character '\\' in a quoted string");
                }
                int escaped = text.codePointAt(i + 1);
                value.appendCodePoint(escaped);
                i += 1 + Character.charCount(escaped);
            } else {
                value.append(c);
                i++;
            }
        }
    }

    private boolean newline() {
        if (text.charAt(pos) == '\n') {
            pos++;
            return true;
        }
        return false;
    }

    /** {@code ==?|<=|>=|!=|<|>|~} */
    private boolean filterOp() {
        for (String op : new String[] {"==", "=", "<=", ">=", "!=", "<", ">", "~"}) {
            if (text.startsWith(op, pos)) {
                emit("FILTER_OP", op, pos + op.length());
                return true;
            }
        }
        return false;
    }

    private boolean doubleDot() {
        if (text.startsWith("..", pos)) {
            emit("DOUBLEDOT", "..", pos + 2);
            return true;
        }
        return false;
    }

    private void literal(char c) {
        if (LITERALS.indexOf(c) < 0) {
            throw new JsonPathSyntaxException(text, pos, "unexpected character '" + c + "'");
        }
        emit(String.valueOf(c), String.valueOf(c), pos + 1);
    }

    private void emit(String type, Object value, int end) {
        tokens.add(new Token(type, value, pos));
        pos = end;
    }

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
