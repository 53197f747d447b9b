package io.meterhub.routes.feeds;

import java.util.Map;

/** What a feed request is answered with. */
record FeedResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static FeedResponse notModified(String etag) {
        return new FeedResponse(304, null, new byte[0], Map.of("ETag", etag));
    }
}
