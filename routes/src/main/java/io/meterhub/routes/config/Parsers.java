package io.meterhub.routes.config;

import io.meterhub.model.ByteSize;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for option values; each throws IllegalArgumentException with a message fit for the operator. */
final class Parsers {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final String SIZE_RANGE = "must be between 1 byte and 2GiB";

    private Parsers() {}

    static Function<String, Integer> intBetween(int min, int max) {
        return raw -> {
            int v;
            try {
                v = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        };
    }

    static Integer port(String raw) {
        return intBetween(0, 65535).apply(raw);
    }

    static Duration duration(String raw) {
        Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        Duration d;
        try {
            d = Duration.parse(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (examples: 20ms, 5s, 30d, PT1M)");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    /** A duration that may also be a bare {@code 0}. */
    static Duration durationOrZero(String raw) {
        return raw.equals("0") ? Duration.ZERO : duration(raw);
    }

    /** A token: printable ASCII without blanks, as HTTP headers carry it. */
    static String token(String raw) {
        if (!raw.matches("[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("a token is printable ASCII without blanks");
        }
        return raw;
    }

    /** A time-to-live: empty keeps forever, else a positive duration. */
    static Optional<Duration> ttl(String raw) {
        return raw.isEmpty() ? Optional.empty() : Optional.of(positiveDuration(raw));
    }

    static Duration positiveDuration(String raw) {
        Duration d = duration(raw);
        if (d.isZero()) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        return d;
    }

    static Integer size(String raw) {
        long n;
        try {
            n = ByteSize.parse(raw); // at least 1
        } catch (ByteSize.OutOfRangeException e) {
            throw new IllegalArgumentException(SIZE_RANGE);
        }
        if (n > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException(SIZE_RANGE);
        }
        return (int) n;
    }

    static URI uri(String raw, String... schemes) {
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + e.getMessage());
        }
        if (uri.getScheme() == null
                || !Arrays.asList(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the scheme must be one of " + String.join(", ", schemes));
        }
        if (uri.getHost() == null && uri.getAuthority() == null) {
            throw new IllegalArgumentException("the URI names no host");
        }
        return uri;
    }

    static Path path(String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        return Path.of(raw).toAbsolutePath().normalize();
    }

    static Boolean bool(String raw) {
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("true or false expected");
        };
    }

    /** A category term: not blank, no commas, no control characters. */
    static String term(String raw) {
        String t = raw.strip();
        if (t.isEmpty() || t.contains(",") || t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "'" + raw + "' is not a category term (no commas, no control " + "characters, not blank)");
        }
        return t;
    }

    /** Comma-separated category terms; empty for none. */
    static List<String> terms(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(Parsers::term).distinct().toList();
    }

    static String name(String raw) {
        List<String> names = names(raw);
        if (names.size() != 1) {
            throw new IllegalArgumentException("one name expected, got " + names.size());
        }
        return names.get(0);
    }

    /** Feed paths below {@code /feeds/}, comma-separated; each must name a feed. */
    static List<String> feeds(String raw) {
        List<String> feeds = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("the list is empty");
        }
        feeds.forEach(io.meterhub.routes.push.AtomPubTargets::feed);
        return feeds;
    }

    static List<String> names(String raw) {
        List<String> names = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the list is empty");
        }
        for (String n : names) {
            if (!n.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("'" + n + "' is not a valid name");
            }
        }
        return names;
    }
}
