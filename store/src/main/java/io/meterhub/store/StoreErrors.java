package io.meterhub.store;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteConcernException;

/** Tells a store's refusal of the request itself from a passing fault (network, fail-over, overload). */
final class StoreErrors {

    private StoreErrors() {}

    /**
     * True when the server answered and refused: sending the same request again would fail the same way. Fail-over
     * answers (not primary, recovering), write-concern timeouts and errors the server labels retryable are passing.
     */
    static boolean isRefusal(RuntimeException e) {
        if (!(e instanceof MongoServerException server)) {
            return false;
        }
        if (e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoWriteConcernException) {
            return false;
        }
        return !server.hasErrorLabel("RetryableWriteError") && !server.hasErrorLabel("TransientTransactionError");
    }
}
