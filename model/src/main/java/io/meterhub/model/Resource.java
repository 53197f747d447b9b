package io.meterhub.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the hub knows of a metered resource: who owns it, when it was first and last sampled, and the metadata of
 * its latest sample.
 */
public record Resource(
        String resourceId,
        String projectId,
        String userId,
        String source,
        Instant firstSampleTimestamp,
        Instant lastSampleTimestamp,
        ObjectNode metadata) {}
