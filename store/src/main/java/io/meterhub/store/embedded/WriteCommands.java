package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a request that may change the store from one that only reads it, for {@link WriteGatedHandler}: a request
 * is a read only when it is one of the commands known to read (find, getMore, count, an aggregation without
 * {@code $out} or {@code $merge}, the handshake and status commands...) or a legacy query of a collection; any other
 * command, known or not, counts as a write.
 */
final class WriteCommands {

    /** Lower-cased: the server takes some of them in any case ({@code isMaster}, {@code ismaster}). */
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "killcursors",
            "listcollections",
            "listindexes",
            "listdatabases",
            "hello",
            "ismaster",
            "ping",
            "buildinfo",
            "getlasterror",
            "endsessions",
            "dbstats",
            "collstats",
            "serverstatus",
            "getparameter",
            "getcmdlineopts",
            "getfreemonitoringstatus",
            "whatsmyuri",
            "connectionstatus",
            "getlog",
            "hostinfo",
            "currentop");

    private static final String AGGREGATE = "aggregate";
    private static final String COMMANDS = "$cmd";

    private WriteCommands() {}

    /** Whether {@code request} may change the store. */
    static boolean writes(ClientRequest request) {
        if (request instanceof MongoMessage message) {
            return writes(message.getDocument());
        }
        if (request instanceof MongoQuery query) {
            if (!COMMANDS.equals(query.getCollectionName())) {
                return false; // a legacy query of a collection
            }
            Document command = query.getQuery();
            return writes(command.get("$query") instanceof Document wrapped ? wrapped : command);
        }
        return true;
    }

    static boolean writes(Document command) {
        if (command.isEmpty()) {
            return true; // the library refuses it; nothing to tell it by
        }
        String name = command.keySet().iterator().next();
        if (AGGREGATE.equals(name)) {
            return writesOut(command.get("pipeline"));
        }
        return !READS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean writesOut(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return true;
        }
        for (Object stage : stages) {
            if (!(stage instanceof Map<?, ?> s) || s.containsKey("$out") || s.containsKey("$merge")) {
                return true;
            }
        }
        return false;
    }
}
