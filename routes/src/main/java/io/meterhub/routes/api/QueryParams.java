package io.meterhub.routes.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a request's query string in their order, repeated names kept (the simple query's
 * {@code q.field=a&q.field=b} pairs with {@code q.op} and {@code q.value} by position).
 */
public final class QueryParams {

    private record Param(String name, String value) {}

    private final List<Param> params;

    private QueryParams(List<Param> params) {
        this.params = List.copyOf(params);
    }

    public static QueryParams none() {
        return new QueryParams(List.of());
    }

    /** Parses a raw query string ({@code a=1&b=x%20y}); null or empty is no parameter. */
    public static QueryParams parse(String raw) {
        List<Param> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return new QueryParams(out);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new Param(decode(name), decode(value)));
        }
        return new QueryParams(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string: " + e.getMessage());
        }
    }

    /** Every value of {@code name}, in order. */
    public List<String> all(String name) {
        return params.stream()
                .filter(p -> p.name().equals(name))
                .map(Param::value)
                .toList();
    }

    /** The last value of {@code name}, if any. */
    public Optional<String> last(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The parameter names, in order, with repetitions. */
    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }
}
