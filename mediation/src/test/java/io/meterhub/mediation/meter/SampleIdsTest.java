package io.meterhub.mediation.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SampleIdsTest {

    private static final Instant T = Instant.parse("2026-11-27T14:50:01.123456Z");
    private static final String NOTIFICATION = "dae6f69c-00e0-41c0-b371-41ec3b7f4451";

    @Test
    void anIdIsAVersion8UuidOfTheIetfVariantWhoseFirst48BitsAreTheTimestampInMilliseconds() {
        UUID id = UUID.fromString(SampleIds.of(NOTIFICATION, T, "memory", "inst-1"));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    void theSameNotificationMeterAndResourceMakeTheSameId() {
        assertThat(SampleIds.of(NOTIFICATION, T, "memory", "inst-1"))
                .isEqualTo(SampleIds.of(new String(NOTIFICATION.toCharArray()), T, "memory", "inst-1"));
    }

    @Test
    void anyDifferenceInNotificationMeterResourceOrTimestampMakesAnotherId() {
        Set<String> ids = new HashSet<>();
        for (String notification : List.of(NOTIFICATION, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")) {
            for (Instant t : List.of(T, T.plusMillis(1))) {
                for (String meter : List.of("memory", "vcpus", "")) {
                    for (String resource : List.of("inst-1", "inst-2", "")) {
                        ids.add(SampleIds.of(notification, t, meter, resource));
                    }
                }
            }
        }
        assertThat(ids).hasSize(2 * 2 * 3 * 3);
    }

    @Test
    void theSamplesOfOneNotificationShareTheirFirst64BitsSoTheyAreNeighboursInTheStoresIndex() {
        List<String> ids = new ArrayList<>();
        for (String meter : List.of("memory", "vcpus", "disk.root.size", "disk.ephemeral.size", "instance")) {
            ids.add(SampleIds.of(NOTIFICATION, T, meter, "inst-1"));
        }
        String other = SampleIds.of("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", T, "memory", "inst-1");

        assertThat(ids)
                .extracting(id -> UUID.fromString(id).getMostSignificantBits())
                .containsOnly(UUID.fromString(ids.get(0)).getMostSignificantBits());
        assertThat(UUID.fromString(other).getMostSignificantBits())
                .as("another notification of the same millisecond")
                .isNotEqualTo(UUID.fromString(ids.get(0)).getMostSignificantBits());
    }

    @Test
    void idsSortAsTextByTheNotificationsTimestamp() {
        List<String> inTimeOrder = new ArrayList<>();
        for (Instant t : List.of(
                Instant.EPOCH,
                Instant.parse("2001-09-09T01:46:40Z"),
                T,
                T.plusMillis(1),
                T.plusSeconds(86_400L * 366 * 100))) {
            inTimeOrder.add(SampleIds.of(
                    UUID.randomUUID().toString(), t, "memory", UUID.randomUUID().toString()));
        }

        assertThat(inTimeOrder).isSorted();
    }

    @Test
    void aTimestampOutsideWhatFortyEightBitsHoldIsClamped() {
        assertThat(SampleIds.of(NOTIFICATION, Instant.parse("1969-12-31T23:59:59Z"), "memory", "r"))
                .startsWith("00000000-0000-8");
        assertThat(SampleIds.of(NOTIFICATION, Instant.MIN, "memory", "r")).startsWith("00000000-0000-8");
        assertThat(SampleIds.of(NOTIFICATION, Instant.parse("+10890-01-01T00:00:00Z"), "memory", "r"))
                .startsWith("ffffffff-ffff-8");
        assertThat(SampleIds.of(NOTIFICATION, Instant.MAX, "memory", "r")).startsWith("ffffffff-ffff-8");
    }
}
