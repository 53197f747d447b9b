package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, keeping each document as its BSON bytes ({@link StoredDocuments}): an inserted
 * document as the bytes it arrived in ({@link InsertBytesDecoder}), an updated one encoded once, when the library
 * puts it back. Every read decodes a new instance, so the library, which updates the instance a query returned,
 * never changes what the pages of a commit in flight hold ({@link BackgroundCommits} commits while the next batch
 * is written).
 *
 * <p>Documents are kept under sequential positions (0, 1, 2... in insertion order) instead of under their
 * {@code _id}, which the library uses as the data map's key. The library finds a document by {@code _id} through
 * its unique {@code _id} index, which maps the {@code _id} to whatever position the collection gave, so nothing else
 * changes; but an insert now appends to the map's last page instead of rewriting a random one. With random
 * {@code _id}s (meterhub's are message ids) every document of a batch landed on another page of about eight
 * documents, which H2 read (and decoded, when not cached), copied and wrote again at the commit: most of the bytes
 * written per notification, and a good part of the store's time and garbage. The mode is recorded in the
 * collection's metadata when it is created; a collection an earlier meterhub filled under {@code _id} keys stays so.
 *
 * <p>It keeps no running data size: the library encodes every inserted document once more only to count its bytes
 * (twice for every update) and writes the sum to the collection's metadata map each time — a tenth of the store
 * server's time at ingest, for a figure only {@code collStats}/{@code dbStats} report (as 0 here). Nothing in
 * meterhub reads it.
 */
final class BsonH2Collection extends H2Collection {

    /** Metadata key recording how the data map is keyed; its value {@value #SEQUENTIAL}, or absent: by {@code _id}. */
    static final String POSITIONS_KEY = "meterhub.positions";

    static final String SEQUENTIAL = "sequential";

    private final MVMap<Object, Document> data;

    /** The bytes of the arrived document the library is adding, for {@link #addDocumentInternal}. */
    private byte[] pendingBytes;

    /** The unique indexes as last found. */
    private UniqueFields uniqueFields;

    /** The next position to give, or -1 when documents are kept under their {@code _id}. */
    private long nextPosition;

    BsonH2Collection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, Document> data,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
        this.nextPosition = firstPosition(data, meta);
    }

    private static long firstPosition(MVMap<Object, Document> data, MVMap<String, Object> meta) {
        if (!SEQUENTIAL.equals(meta.get(POSITIONS_KEY))) {
            if (!data.isEmpty()) {
                return -1; // filled by an earlier meterhub under _id keys
            }
            meta.put(POSITIONS_KEY, SEQUENTIAL);
        }
        Object last = data.lastKey();
        return last == null ? 0 : ((Long) last) + 1;
    }

    /**
     * Adds a document; one that {@link InsertBytesDecoder} handed on as it arrived is stored as its bytes. When the
     * collection's unique indexes are each on one top-level field ({@link UniqueFields}: meterhub's samples, events,
     * dead letters, feed entries), the document is indexed with one look-up per index and is not decoded; otherwise
     * it is decoded and added the library's way. Synchronized like the library's collection methods (the same lock).
     */
    @Override
    public synchronized void addDocument(Document document) {
        byte[] arrived = StoredDocuments.arrivedBytes(document);
        if (arrived == null) {
            super.addDocument(document);
            return;
        }
        if (nextPosition >= 0 && uniqueFields().add(document, arrived, nextPosition, this)) {
            store(nextPosition++, arrived);
            return;
        }
        pendingBytes = arrived;
        try {
            super.addDocument(BsonDocumentType.decode(arrived));
        } finally {
            pendingBytes = null;
        }
    }

    private UniqueFields uniqueFields() {
        List<Index<Object>> current = getIndexes();
        if (uniqueFields == null || !uniqueFields.madeFor(current)) {
            uniqueFields = new UniqueFields(current);
        }
        return uniqueFields;
    }

    /** Called with the collection's lock held (the library's collection methods are synchronized). */
    @Override
    protected Object addDocumentInternal(Document document) {
        byte[] bson = pendingBytes;
        pendingBytes = null;
        if (nextPosition < 0) {
            return super.addDocumentInternal(document);
        }
        if (bson == null) {
            bson = BsonDocumentType.encode(document);
        }
        Long position = nextPosition++;
        store(position, bson);
        return position;
    }

    private void store(Long position, byte[] bson) {
        Document previous = data.putIfAbsent(position, StoredDocuments.hold(bson));
        if (previous != null) {
            throw new IllegalStateException("position " + position + " of " + getFullName() + " is taken");
        }
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The updated document, held as its bytes; the library goes on using the instance it passed. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, StoredDocuments.hold(BsonDocumentType.encode(newDocument)));
    }

    /** A new instance: the library updates the document a query returns in place (its top-level fields). */
    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : StoredDocuments.open(stored);
    }

    /** Every document with its position, each a new instance (see {@link #getDocument}). */
    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream()
                .map(e -> new DocumentWithPosition<>(StoredDocuments.open(e.getValue()), e.getKey()));
    }

    /** The documents a whole-collection scan matches, each a new instance (see {@link #getDocument}). */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> copies = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : data.values().stream().map(StoredDocuments::open);
        return matchDocumentsFromStream(
                copies.filter(d -> documentMatchesQuery(d, query)),
                query,
                orderBy,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }
}
