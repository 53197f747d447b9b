package io.meterhub.mediation.jsonpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A context-free grammar written the way PLY reads it: rules as {@code "lhs : sym sym"} with quoted single-character
 * literals, upper-case token names and lower-case nonterminals; each rule's action builds its value from the values
 * of its right-hand side. Precedence follows PLY: a rule takes the precedence of its rightmost terminal, or none.
 */
final class Grammar {

    /** PLY's associativity and level of a terminal (level 0: no precedence). */
    record Precedence(String associativity, int level) {
        static final Precedence NONE = new Precedence("right", 0);
    }

    /** One rule. Index 0 is the augmented start rule {@code S' -> start}. */
    record Production(
            int index, String lhs, List<String> rhs, Precedence precedence, Function<Object[], Object> action) {

        /** The rule as PLY prints it, e.g. {@code jsonpath -> jsonpath . jsonpath}. */
        String text() {
            return lhs + " -> " + (rhs.isEmpty() ? "<empty>" : String.join(" ", rhs));
        }
    }

    static final String START = "S'";

    private final List<Production> productions = new ArrayList<>();
    private final Map<String, Precedence> precedence = new HashMap<>();
    private final Set<String> terminals = new LinkedHashSet<>();
    private final Set<String> nonterminals = new LinkedHashSet<>();

    /** A grammar whose start symbol is {@code start}. */
    Grammar(String start) {
        productions.add(new Production(0, START, List.of(start), Precedence.NONE, v -> v[0]));
        nonterminals.add(START);
        terminals.add(Token.END);
    }

    /** Gives each terminal the next precedence level, lowest first, as in PLY's {@code precedence} list. */
    Grammar precedence(String associativity, String... symbols) {
        int level =
                precedence.values().stream().mapToInt(Precedence::level).max().orElse(0) + 1;
        for (String symbol : symbols) {
            precedence.put(symbol, new Precedence(associativity, level));
        }
        return this;
    }

    /** Adds the rule {@code "lhs : rhs..."} with its action; call after all {@link #precedence} declarations. */
    Grammar rule(String rule, Function<Object[], Object> action) {
        String[] sides = rule.split(":", 2);
        String lhs = sides[0].trim();
        List<String> rhs = new ArrayList<>();
        for (String word : sides[1].trim().split("\\s+")) {
            if (!word.isEmpty()) {
                rhs.add(word.length() == 3 && word.charAt(0) == '\'' ? word.substring(1, 2) : word);
            }
        }
        Precedence prec = Precedence.NONE;
        for (int i = rhs.size() - 1; i >= 0; i--) {
            if (isTerminalName(rhs.get(i))) {
                prec = precedence.getOrDefault(rhs.get(i), Precedence.NONE);
                break;
            }
        }
        nonterminals.add(lhs);
        productions.add(new Production(productions.size(), lhs, List.copyOf(rhs), prec, action));
        return this;
    }

    /** Terminals are literals (one non-letter character) and upper-case token names. */
    private static boolean isTerminalName(String symbol) {
        return !Character.isLowerCase(symbol.charAt(0)) && !symbol.equals(START);
    }

    /** Call once all rules are added: collects the terminals. */
    Grammar done() {
        for (Production p : productions) {
            for (String symbol : p.rhs()) {
                if (isTerminalName(symbol)) {
                    terminals.add(symbol);
                } else if (!nonterminals.contains(symbol)) {
                    throw new IllegalStateException("no rule for " + symbol + " in " + p.text());
                }
            }
        }
        return this;
    }

    List<Production> productions() {
        return productions;
    }

    List<String> terminals() {
        return List.copyOf(terminals);
    }

    List<String> nonterminals() {
        return List.copyOf(nonterminals);
    }

    boolean isTerminal(String symbol) {
        return terminals.contains(symbol);
    }

    /** The precedence of a terminal, {@link Precedence#NONE} when it has none. */
    Precedence precedenceOf(String terminal) {
        return precedence.getOrDefault(terminal, Precedence.NONE);
    }

    @Override
    public String toString() {
        return Arrays.toString(productions.stream().map(Production::text).toArray());
    }
}
