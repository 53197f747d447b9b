package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Stored documents as H2 holds them in a collection's data map: their BSON bytes, in a holder document whose only
 * field is named so that no stored document can have it (a BSON field name ends at its first NUL byte).
 *
 * <p>A decoded document takes three to four times its BSON bytes on the heap (a map, an entry and a string for every
 * field), and H2 keeps the documents of a batch in its pages from the insert until the commit has written them,
 * while the next batch is written: that was most of what survived each young collection at ingest, and the GC
 * pauses were a fifth of the run. A holder takes the bytes and little more; a document is decoded again when it is
 * read ({@link BsonH2Collection}), and H2 writes the bytes without encoding them again.
 */
final class StoredDocuments {

    /** The holder's one field: a name no BSON document can carry. */
    static final String BYTES = "\0meterhub.bson";

    private static final String ID = "_id";

    /** The heap a holder takes besides its bytes: the document, its map with table and entry, the binary wrapper. */
    static final int HOLDER_OVERHEAD = 240;

    private StoredDocuments() {}

    /** A holder of {@code bson}, one BSON document's bytes. */
    static Document hold(byte[] bson) {
        return new Document(BYTES, new BinData(bson));
    }

    /** The BSON a holder holds, or null when {@code stored} is a decoded document. */
    static byte[] bytes(Document stored) {
        return stored.size() == 1 && stored.get(BYTES) instanceof BinData bson ? bson.getData() : null;
    }

    /**
     * A document of an {@code insert} as it arrived ({@link InsertBytesDecoder}): its {@code _id} and its BSON bytes,
     * the rest not decoded; {@link BsonH2Collection} stores the bytes and decodes them only when an index needs
     * more than the {@code _id}.
     */
    static Document arrived(Object id, byte[] bson) {
        Document d = new Document(ID, id);
        d.put(BYTES, new BinData(bson));
        return d;
    }

    /** The bytes an {@link #arrived} document carries, or null for any other document. */
    static byte[] arrivedBytes(Document document) {
        return document.size() == 2 && document.get(BYTES) instanceof BinData bson ? bson.getData() : null;
    }

    /** The stored document as a new decoded instance, which the caller may change. */
    static Document open(Document stored) {
        byte[] bson = bytes(stored);
        return bson != null ? BsonDocumentType.decode(bson) : stored.clone();
    }
}
