package io.meterhub.feeds.read;

/**
 * Where an entry stands in a feed: the sequence number of the notification (or posted entry) it comes from, and for
 * the sample and event feeds, which of that notification's samples or events it is. Positions order entries in
 * commit order. As a {@code marker} a position is written {@code <seq>} or {@code <seq>.<sub>}.
 */
public record Position(long seq, int sub) implements Comparable<Position> {

    public Position {
        if (seq < 0 || sub < 0) {
            throw new IllegalArgumentException("a position is not negative");
        }
    }

    /** The marker form: {@code 1234} or {@code 1234.2}. */
    public String token() {
        return sub == 0 ? Long.toString(seq) : seq + "." + sub;
    }

    /** @throws IllegalArgumentException when {@code token} is not a marker this feed wrote */
    public static Position parse(String token) {
        if (!token.matches("\\d{1,18}(\\.\\d{1,9})?")) {
            throw new IllegalArgumentException("marker '" + token + "' is not a position (e.g. 1234 or 1234.2)");
        }
        int dot = token.indexOf('.');
        return dot < 0
                ? new Position(Long.parseLong(token), 0)
                : new Position(Long.parseLong(token.substring(0, dot)), Integer.parseInt(token.substring(dot + 1)));
    }

    @Override
    public int compareTo(Position o) {
        int c = Long.compare(seq, o.seq);
        return c != 0 ? c : Integer.compare(sub, o.sub);
    }
}
