package io.meterhub.mediation.oracle;

import java.util.Random;

/** One kind of change to a notification. */
interface Variation {

    /**
     * Changes {@code draft}, or leaves it alone when this variation has nothing to change in it.
     *
     * @return what was changed, or null when nothing was
     */
    String apply(Draft draft, Random random);
}
