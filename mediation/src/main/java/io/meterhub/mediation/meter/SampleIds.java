package io.meterhub.mediation.meter;

import io.meterhub.model.Notification;
import io.meterhub.model.TimeOrderedUuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The id of a sample made from a notification: a version-8 UUID (RFC 9562, section 5.8) that is the same every time
 * the same notification is translated — which is what lets the store keep a redelivered notification once — and that
 * sorts by the notification's timestamp:
 *
 * <pre>
 *   48 bits  the notification's timestamp, milliseconds since the epoch (clamped to 0 .. 2^48 - 1)
 *    4 bits  version, 8
 *   12 bits  from the notification's message id (its String hash)
 *    2 bits  variant, 10
 *   62 bits  from the MD5 of (message id, meter, resource id)
 * </pre>
 *
 * <p>The store keys every sample by this id in a unique B-tree index, and its every commit rewrites each index leaf the
 * batch touched. Random ids (name-based UUIDs, as meterhub made before) put each of a notification's samples in a
 * leaf of its own, anywhere in the index, so a batch rewrote about as many leaves as it inserted samples, and more of
 * the index as it grew. These put one notification's samples next to each other (the same timestamp and 12 bits),
 * and, as notifications arrive about in timestamp order, a batch's samples near the end of the index.
 *
 * <p>Uniqueness: two samples of one notification share an id only when 62 bits of their MD5s agree (and {@link
 * MeterDefinition} derives another id when one definition makes two such samples); samples of two notifications only
 * when, besides, the two carry the same millisecond and the same 12 bits of their message ids. Both are as unlikely as
 * two random 64-bit values being equal.
 */
public final class SampleIds {

    private static final int VERSION = 8;

    private SampleIds() {}

    /** The id of the sample of {@code meter} on {@code resourceId} made from notification {@code n}. */
    public static String of(Notification n, String meter, String resourceId) {
        return of(n.messageId(), n.timestamp(), meter, resourceId);
    }

    /** The id of the sample of {@code meter} on {@code resourceId} from the notification with this id and timestamp. */
    public static String of(String messageId, Instant timestamp, String meter, String resourceId) {
        String key = messageId + '\u0000' + meter + '\u0000' + resourceId;
        // a name-based UUID's low half is 62 bits of the name's MD5 under the variant bits
        long md5 = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits();
        return TimeOrderedUuids.of(timestamp, VERSION, notificationBits(messageId), md5)
                .toString();
    }

    /** 12 bits of the message id's String hash (specified by String.hashCode, so the same on every JVM), spread. */
    private static long notificationBits(String messageId) {
        return messageId.hashCode() * 0x9E3779B9L >>> 20;
    }
}
