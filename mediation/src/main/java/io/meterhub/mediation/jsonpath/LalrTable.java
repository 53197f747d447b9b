package io.meterhub.mediation.jsonpath;

import io.meterhub.mediation.jsonpath.Grammar.Precedence;
import io.meterhub.mediation.jsonpath.Grammar.Production;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LALR(1) parse table of a {@link Grammar}, built the way PLY's yacc builds it: LR(0) states, LALR(1) lookaheads,
 * and PLY's conflict rules. A shift/reduce conflict goes by precedence (reduce when the rule's level is higher than the
 * token's, or equal and left-associative; an error when equal and non-associative; shift otherwise, including when
 * neither has a precedence); a reduce/reduce conflict goes to the earlier rule.
 */
final class LalrTable {

    private static final int ERROR = 0;
    private static final int ACCEPT = Integer.MIN_VALUE;

    private final Grammar grammar;
    private final List<Production> productions;
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final String[] symbols;
    private final int[][] production; // production index -> symbol ids of the right-hand side
    private final int[] lhs;
    private final BitSet nullable = new BitSet();
    private final BitSet[] first;

    private final List<int[]> kernels = new ArrayList<>(); // state -> sorted LR(0) kernel items
    private final Map<String, Integer> stateIds = new HashMap<>();
    private final List<int[]> transitions = new ArrayList<>(); // state -> symbol id -> state + 1 (0: none)
    private final List<Map<Integer, BitSet>> lookaheads = new ArrayList<>(); // state -> kernel item -> terminals

    /** Per state, per terminal id: shift to s encoded as s + 1, reduce by p as -(p + 1), or ERROR / ACCEPT. */
    private final int[][] actions;
    /** Per state, per symbol id: the state after a nonterminal, or -1. */
    private final int[][] gotos;

    private LalrTable(Grammar grammar) {
        this.grammar = grammar;
        this.productions = grammar.productions();
        List<String> all = new ArrayList<>(grammar.terminals());
        all.addAll(grammar.nonterminals());
        this.symbols = all.toArray(new String[0]);
        for (int i = 0; i < symbols.length; i++) {
            symbolIds.put(symbols[i], i);
        }
        this.production = new int[productions.size()][];
        this.lhs = new int[productions.size()];
        for (Production p : productions) {
            production[p.index()] = p.rhs().stream().mapToInt(symbolIds::get).toArray();
            lhs[p.index()] = symbolIds.get(p.lhs());
        }
        this.first = new BitSet[symbols.length];
        computeFirstSets();
        buildStates();
        computeLookaheads();
        this.actions = new int[kernels.size()][];
        this.gotos = new int[kernels.size()][];
        fillTables();
    }

    /** Builds the table of {@code grammar}. */
    static LalrTable build(Grammar grammar) {
        return new LalrTable(grammar);
    }

    // ---- items: production index * 32 + dot position

    private static int item(int production, int dot) {
        return production * 32 + dot;
    }

    private static int prodOf(int item) {
        return item / 32;
    }

    private static int dotOf(int item) {
        return item % 32;
    }

    /** The symbol after the dot, or -1 at the end. */
    private int next(int item) {
        int[] rhs = production[prodOf(item)];
        return dotOf(item) < rhs.length ? rhs[dotOf(item)] : -1;
    }

    private boolean isTerminal(int symbol) {
        return grammar.isTerminal(symbols[symbol]);
    }

    private void computeFirstSets() {
        for (int s = 0; s < symbols.length; s++) {
            first[s] = new BitSet();
            if (isTerminal(s)) {
                first[s].set(s);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p = 0; p < production.length; p++) {
                BitSet f = first[lhs[p]];
                int before = f.cardinality();
                boolean allNullable = true;
                for (int symbol : production[p]) {
                    f.or(first[symbol]);
                    if (!nullable.get(symbol)) {
                        allNullable = false;
                        break;
                    }
                }
                if (allNullable && !nullable.get(lhs[p])) {
                    nullable.set(lhs[p]);
                    changed = true;
                }
                changed |= f.cardinality() != before;
            }
        }
    }

    private List<Integer> closure0(int[] kernel) {
        List<Integer> items = new ArrayList<>();
        BitSet added = new BitSet();
        for (int item : kernel) {
            items.add(item);
        }
        for (int i = 0; i < items.size(); i++) {
            int symbol = next(items.get(i));
            if (symbol >= 0 && !isTerminal(symbol) && !added.get(symbol)) {
                added.set(symbol);
                for (int p = 0; p < production.length; p++) {
                    if (lhs[p] == symbol) {
                        items.add(item(p, 0));
                    }
                }
            }
        }
        return items;
    }

    private void buildStates() {
        stateFor(new int[] {item(0, 0)});
        for (int s = 0; s < kernels.size(); s++) {
            Map<Integer, List<Integer>> advanced = new LinkedHashMap<>();
            for (int item : closure0(kernels.get(s))) {
                int symbol = next(item);
                if (symbol >= 0) {
                    advanced.computeIfAbsent(symbol, k -> new ArrayList<>()).add(item + 1);
                }
            }
            int[] row = new int[symbols.length];
            for (Map.Entry<Integer, List<Integer>> e : advanced.entrySet()) {
                int[] kernel = e.getValue().stream()
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .distinct()
                        .toArray();
                row[e.getKey()] = stateFor(kernel) + 1;
            }
            transitions.set(s, row);
        }
    }

    private int stateFor(int[] kernel) {
        return stateIds.computeIfAbsent(Arrays.toString(kernel), k -> {
            kernels.add(kernel);
            transitions.add(null);
            Map<Integer, BitSet> la = new LinkedHashMap<>();
            for (int item : kernel) {
                la.put(item, new BitSet());
            }
            lookaheads.add(la);
            return kernels.size() - 1;
        });
    }

    /** The LR(1) closure of a state's kernel with its current lookaheads: item -> lookahead terminals. */
    private Map<Integer, BitSet> closure1(int state) {
        Map<Integer, BitSet> items = new LinkedHashMap<>();
        Deque<Integer> work = new ArrayDeque<>();
        for (Map.Entry<Integer, BitSet> e : lookaheads.get(state).entrySet()) {
            items.put(e.getKey(), (BitSet) e.getValue().clone());
            work.add(e.getKey());
        }
        while (!work.isEmpty()) {
            int item = work.poll();
            int symbol = next(item);
            if (symbol < 0 || isTerminal(symbol)) {
                continue;
            }
            BitSet follow = firstOfRest(item, items.get(item));
            for (int p = 0; p < production.length; p++) {
                if (lhs[p] != symbol) {
                    continue;
                }
                int start = item(p, 0);
                boolean isNew = !items.containsKey(start);
                BitSet la = items.computeIfAbsent(start, k -> new BitSet());
                int before = la.cardinality();
                la.or(follow);
                if (isNew || la.cardinality() != before) {
                    work.add(start);
                }
            }
        }
        return items;
    }

    /** FIRST of what follows the symbol after the dot, plus {@code lookahead} when all of it can be empty. */
    private BitSet firstOfRest(int item, BitSet lookahead) {
        int[] rhs = production[prodOf(item)];
        BitSet out = new BitSet();
        for (int i = dotOf(item) + 1; i < rhs.length; i++) {
            out.or(first[rhs[i]]);
            if (!nullable.get(rhs[i])) {
                return out;
            }
        }
        out.or(lookahead);
        return out;
    }

    private void computeLookaheads() {
        lookaheads.get(0).get(item(0, 0)).set(symbolIds.get(Token.END));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < kernels.size(); s++) {
                for (Map.Entry<Integer, BitSet> e : closure1(s).entrySet()) {
                    int symbol = next(e.getKey());
                    if (symbol < 0) {
                        continue;
                    }
                    BitSet target =
                            lookaheads.get(transitions.get(s)[symbol] - 1).get(e.getKey() + 1);
                    int before = target.cardinality();
                    target.or(e.getValue());
                    changed |= target.cardinality() != before;
                }
            }
        }
    }

    private void fillTables() {
        int terminalCount = grammar.terminals().size(); // terminals come first among the symbol ids
        for (int s = 0; s < kernels.size(); s++) {
            actions[s] = new int[terminalCount];
            gotos[s] = new int[symbols.length];
            Arrays.fill(gotos[s], -1);
            for (Map.Entry<Integer, BitSet> e : closure1(s).entrySet()) {
                int item = e.getKey();
                int symbol = next(item);
                if (symbol < 0) {
                    BitSet la = e.getValue();
                    for (int t = la.nextSetBit(0); t >= 0; t = la.nextSetBit(t + 1)) {
                        set(s, t, prodOf(item) == 0 ? ACCEPT : -(prodOf(item) + 1));
                    }
                } else if (isTerminal(symbol)) {
                    set(s, symbol, transitions.get(s)[symbol]);
                } else {
                    gotos[s][symbol] = transitions.get(s)[symbol] - 1;
                }
            }
        }
    }

    /** Enters an action, resolving a conflict with the one already there by PLY's rules. */
    private void set(int state, int terminal, int action) {
        int[] row = actions[state];
        int existing = row[terminal];
        if (existing == ERROR || existing == action) {
            row[terminal] = action;
            return;
        }
        if (existing < 0 && action < 0 && existing != ACCEPT && action != ACCEPT) {
            row[terminal] = Math.max(existing, action); // the earlier rule: the smaller index
            return;
        }
        int reduce = existing < 0 && existing != ACCEPT ? existing : action;
        int shift = reduce == existing ? action : existing;
        Precedence token = grammar.precedenceOf(symbols[terminal]);
        Precedence rule = productions.get(-reduce - 1).precedence();
        if (token.level() < rule.level()
                || (token.level() == rule.level() && rule.associativity().equals("left"))) {
            row[terminal] = reduce;
        } else if (token.level() == rule.level() && rule.associativity().equals("nonassoc")) {
            row[terminal] = ERROR;
        } else {
            row[terminal] = shift;
        }
    }

    // ---- lookup

    int terminalId(String terminal) {
        Integer id = symbolIds.get(terminal);
        return id == null || !grammar.isTerminal(terminal) ? -1 : id;
    }

    /** The action for a terminal id in a state: positive shift, negative reduce, 0 error. */
    int action(int state, int terminal) {
        return actions[state][terminal];
    }

    static boolean isShift(int action) {
        return action > 0;
    }

    static boolean isAccept(int action) {
        return action == ACCEPT;
    }

    static int shiftTarget(int action) {
        return action - 1;
    }

    static int reducedProduction(int action) {
        return -action - 1;
    }

    int gotoState(int state, String nonterminal) {
        return gotos[state][symbolIds.get(nonterminal)];
    }

    int stateCount() {
        return kernels.size();
    }

    /**
     * The table with states numbered in breadth-first order from the start state, following transitions in symbol
     * name order: {@code [{symbol: "s<state>" | "r<rule text>" | "acc" | "g<state>"}, ...]} — comparable with the same
     * rendering of PLY's table whatever the two implementations number their states.
     */
    List<Map<String, String>> canonical() {
        int[] order = new int[kernels.size()];
        Arrays.fill(order, -1);
        List<Integer> queue = new ArrayList<>(List.of(0));
        order[0] = 0;
        for (int i = 0; i < queue.size(); i++) {
            int s = queue.get(i);
            for (Map.Entry<String, Integer> e : successors(s).entrySet()) {
                if (order[e.getValue()] < 0) {
                    order[e.getValue()] = queue.size();
                    queue.add(e.getValue());
                }
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int s : queue) {
            Map<String, String> row = new TreeMap<>();
            for (int t = 0; t < actions[s].length; t++) {
                int a = actions[s][t];
                if (a == ERROR) {
                    continue;
                }
                row.put(
                        symbols[t],
                        isAccept(a)
                                ? "acc"
                                : a > 0
                                        ? "s" + order[a - 1]
                                        : "r" + productions.get(-a - 1).text());
            }
            for (int n = 0; n < symbols.length; n++) {
                if (gotos[s][n] >= 0) {
                    row.put(symbols[n], "g" + order[gotos[s][n]]);
                }
            }
            out.add(row);
        }
        return out;
    }

    private Map<String, Integer> successors(int s) {
        Map<String, Integer> next = new TreeMap<>();
        for (int t = 0; t < actions[s].length; t++) {
            if (isShift(actions[s][t])) {
                next.put(symbols[t], actions[s][t] - 1);
            }
        }
        for (int n = 0; n < symbols.length; n++) {
            if (gotos[s][n] >= 0) {
                next.put(symbols[n], gotos[s][n]);
            }
        }
        return next;
    }
}
