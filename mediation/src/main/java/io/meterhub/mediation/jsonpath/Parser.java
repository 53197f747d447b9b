package io.meterhub.mediation.jsonpath;

import io.meterhub.mediation.jsonpath.Grammar.Production;
import java.util.ArrayList;
import java.util.List;

/** The LR driver: parses an expression with {@link JsonPathGrammar#TABLE} into a syntax tree. */
final class Parser {

    private Parser() {}

    /**
     * Parses {@code expression}.
     *
     * @throws JsonPathSyntaxException where jsonpath_rw_ext's parser raises
     */
    static Node parse(String expression) {
        LalrTable table = JsonPathGrammar.TABLE;
        List<Production> productions = JsonPathGrammar.GRAMMAR.productions();
        List<Token> tokens = Lexer.tokenize(expression);
        List<Integer> states = new ArrayList<>(List.of(0));
        List<Object> values = new ArrayList<>(List.of(""));
        int next = 0;
        while (true) {
            Token token = tokens.get(next);
            int state = states.get(states.size() - 1);
            int terminal = table.terminalId(token.type());
            int action = terminal < 0 ? 0 : table.action(state, terminal);
            if (LalrTable.isAccept(action)) {
                return (Node) values.get(values.size() - 1);
            }
            if (LalrTable.isShift(action)) {
                states.add(LalrTable.shiftTarget(action));
                values.add(token.value());
                next++;
            } else if (action < 0) {
                Production p = productions.get(LalrTable.reducedProduction(action));
                int n = p.rhs().size();
                Object[] rhs = values.subList(values.size() - n, values.size()).toArray();
                Object value = reduce(expression, token, p, rhs);
                states.subList(states.size() - n, states.size()).clear();
                values.subList(values.size() - n, values.size()).clear();
                states.add(table.gotoState(states.get(states.size() - 1), p.lhs()));
                values.add(value);
            } else {
                throw new JsonPathSyntaxException(expression, token.position(), "unexpected " + token);
            }
        }
    }

    private static Object reduce(String expression, Token lookahead, Production p, Object[] rhs) {
        try {
            return p.action().apply(rhs);
        } catch (IllegalArgumentException e) {
            throw new JsonPathSyntaxException(expression, lookahead.position(), e.getMessage());
        }
    }
}
