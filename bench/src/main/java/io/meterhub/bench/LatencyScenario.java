package io.meterhub.bench;

import java.util.function.LongFunction;

/**
 * One kind of feed request the feed benchmark times.
 *
 * @param name what the figures are labelled with
 * @param request the path and query of the i-th request (e.g. a random marker each time)
 * @param token the {@code X-Auth-Token} to send
 */
record LatencyScenario(String name, LongFunction<String> request, String token) {}
