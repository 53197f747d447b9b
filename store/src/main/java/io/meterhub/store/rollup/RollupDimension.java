package io.meterhub.store.rollup;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A group rollups are kept for: the meter overall, or one resource, project or user. Each sample counts once in each
 * dimension whose field it has a value for (a sample without a user id has no per-user rollup, as a
 * {@code user_id = X} filter never matches it). There is no per-source dimension: nearly every cloud has the one
 * source {@code openstack}, and in a batch of unrelated samples each dimension costs about one more document write
 * per sample.
 */
public enum RollupDimension {
    /** The meter over all its samples. */
    METER("m", null, in -> ""),
    RESOURCE("r", "resource_id", RollupInput::resourceId),
    PROJECT("p", "project_id", RollupInput::projectId),
    USER("u", "user_id", RollupInput::userId);

    private final String code;
    private final String field;
    private final Function<RollupInput, String> value;

    RollupDimension(String code, String field, Function<RollupInput, String> value) {
        this.code = code;
        this.field = field;
        this.value = value;
    }

    /** The short code in rollup keys. */
    String code() {
        return code;
    }

    /** The sample field of this dimension; null for {@link #METER}. */
    public String field() {
        return field;
    }

    /** The sample's value in this dimension; null when it has none. */
    String valueOf(RollupInput in) {
        return value.apply(in);
    }

    /** The dimension of a sample field ({@code resource_id}, ...), if rollups keep one for it. */
    public static Optional<RollupDimension> ofField(String field) {
        return Arrays.stream(values())
                .filter(d -> d.field != null && d.field.equals(field))
                .findFirst();
    }
}
