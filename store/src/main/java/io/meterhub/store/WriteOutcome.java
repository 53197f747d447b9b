package io.meterhub.store;

import java.util.Map;

/**
 * The result of a batch the store accepted. Documents that already existed count as written (that is how
 * redeliveries are absorbed); {@code rejected} maps the message id of each notification the store refused for good
 * (not for a passing fault) to the store's reason.
 */
public record WriteOutcome(int documents, int duplicates, Map<String, String> rejected) {

    public WriteOutcome {
        rejected = Map.copyOf(rejected);
    }
}
