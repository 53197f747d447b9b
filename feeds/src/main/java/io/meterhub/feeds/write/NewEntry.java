package io.meterhub.feeds.write;

import java.util.List;
import org.bson.RawBsonDocument;

/**
 * An entry the writer is about to store: its Atom id, its document without {@code _id} and time (the writer adds
 * those), already encoded as BSON (a notification's on the thread that submitted it), its category terms, and the
 * posted entry it came from (null for a notification).
 */
record NewEntry(String entryId, RawBsonDocument body, List<String> categories, PostedEntry posted) {}
