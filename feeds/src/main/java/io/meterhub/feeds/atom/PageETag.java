package io.meterhub.feeds.atom;

import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A page's strong entity tag, computed before the page is rendered: entries never change once committed, so a page
 * is the same document exactly when its links and the ids and positions of its entries are the same.
 */
public final class PageETag {

    private PageETag() {}

    public static String of(FeedPage page, List<Link> links) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (Link l : links) {
            update(sha, l.rel() + " " + l.href());
        }
        for (FeedEntry e : page.entries()) {
            update(sha, e.position().token() + " " + e.id());
        }
        return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
    }

    /** Whether an {@code If-None-Match} header names this tag (or is {@code *}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }
}
