package io.meterhub.routes.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceResolverSupport;
import org.apache.camel.support.ResourceSupport;

/**
 * Camel resources {@code hubfeed:<path below /feeds>}: a page of the hub's feed fetched over HTTP with an
 * {@code X-Auth-Token}, for camel-atom, whose own HTTP client cannot send one. Bind it as
 * {@value #REGISTRY_NAME}.
 */
final class TokenFeedResolver extends ResourceResolverSupport {

    static final String SCHEME = "hubfeed";
    /** The registry name Camel's resource loader looks a resolver up by. */
    static final String REGISTRY_NAME = "resource-loader-" + SCHEME;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** @param base the hub's HTTP address, as it printed it (its port chosen by the test: 0) */
    TokenFeedResolver(String base, String token) {
        super(SCHEME);
        this.base = base;
        this.token = token;
    }

    @Override
    protected Resource createResource(String location, String remaining) {
        return new ResourceSupport(SCHEME, location) {
            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public InputStream getInputStream() throws IOException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/feeds/" + remaining + "?limit=1000"))
                        .header("X-Auth-Token", token)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                try {
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IOException(request.uri() + " answered " + r.statusCode());
                    }
                    return new ByteArrayInputStream(r.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        };
    }
}
