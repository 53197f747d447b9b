package io.meterhub.routes.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A WebSub subscriber or AtomPub server run by a test on the JDK's HTTP server (127.0.0.1, port 0): answers
 * verification GETs (echoing the challenge, or not), records every POST, and answers the first {@code failFirst}
 * POSTs with 503, then {@code okStatus} — except the posts listed as 409s.
 */
final class PushReceiver implements AutoCloseable {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One received POST. */
    record Post(byte[] body, Map<String, String> headers, int answered) {

        /** The Atom ids of the entries of the posted feed or entry document, in document order. */
        List<String> entryIds() {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
                List<String> ids = new ArrayList<>();
                Element root = doc.getDocumentElement();
                NodeList entries = root.getLocalName().equals("entry")
                        ? doc.getChildNodes()
                        : root.getElementsByTagNameNS(ATOM, "entry");
                for (int i = 0; i < entries.getLength(); i++) {
                    Element entry = (Element) entries.item(i);
                    ids.add(((Element) entry.getElementsByTagNameNS(ATOM, "id").item(0)).getTextContent());
                }
                return ids;
            } catch (Exception e) {
                throw new AssertionError("not an Atom document: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    private final HttpServer server;
    private final List<Map<String, String>> verifications = new CopyOnWriteArrayList<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final List<Integer> conflictAt;
    private final int okStatus;
    private volatile boolean echo = true;

    /** @param conflictAt the indexes (among all POSTs) answered 409 */
    PushReceiver(int failFirst, int okStatus, List<Integer> conflictAt) throws IOException {
        this.failuresLeft = new AtomicInteger(failFirst);
        this.okStatus = okStatus;
        this.conflictAt = conflictAt;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static PushReceiver subscriber(int failFirst) throws IOException {
        return new PushReceiver(failFirst, 204, List.of());
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
    }

    /** Whether verification GETs get their challenge back. */
    void echoChallenge(boolean echo) {
        this.echo = echo;
    }

    List<Map<String, String>> verifications() {
        return verifications;
    }

    List<Post> posts() {
        return posts;
    }

    /** The posts answered with a 2xx or 409: what the hub may count as delivered. */
    List<Post> acknowledged() {
        return posts.stream()
                .filter(p -> p.answered() / 100 == 2 || p.answered() == 409)
                .toList();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (x.getRequestMethod().equals("GET")) {
                Map<String, String> q = query(x.getRequestURI());
                verifications.add(q);
                byte[] body = (echo ? q.getOrDefault("hub.challenge", "") : "no").getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, body.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            byte[] body = x.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            int status;
            synchronized (this) {
                if (failuresLeft.getAndDecrement() > 0) {
                    status = 503;
                } else if (conflictAt.contains(posts.size())) {
                    status = 409;
                } else {
                    status = okStatus;
                }
                posts.add(new Post(body, headers, status));
            }
            x.sendResponseHeaders(status, -1);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
