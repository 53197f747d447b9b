package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteCommandsTest {

    private static final MessageHeader HEADER = new MessageHeader(0, 1, 0);

    private static MongoMessage message(Document command) {
        return new MongoMessage(null, HEADER, command.append("$db", "meterhub"));
    }

    private static Document command(String name) {
        return new Document(name, "samples");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "insert",
                "update",
                "delete",
                "findAndModify",
                "findandmodify",
                "createIndexes",
                "dropIndexes",
                "drop",
                "dropDatabase",
                "create",
                "renameCollection",
                "someCommandNobodyKnows"
            })
    void aCommandThatChangesTheStoreOrIsUnknownWrites(String name) {
        assertThat(WriteCommands.writes(message(command(name)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "find", "getMore", "count", "distinct", "killCursors", "listCollections", "listIndexes", "hello",
                "isMaster", "ismaster", "ping", "buildInfo", "endSessions", "dbStats", "collStats", "serverStatus"
            })
    void aCommandThatOnlyReadsDoesNot(String name) {
        assertThat(WriteCommands.writes(message(command(name)))).isFalse();
    }

    @Test
    void anAggregationWritesOnlyWithOutOrMerge() {
        Document match = new Document("$match", new Document("counter_name", "cpu"));
        assertThat(WriteCommands.writes(message(aggregate(List.of(match))))).isFalse();
        assertThat(WriteCommands.writes(message(aggregate(List.of(match, new Document("$out", "copy"))))))
                .isTrue();
        assertThat(WriteCommands.writes(message(aggregate(List.of(new Document("$merge", "copy"))))))
                .isTrue();
        assertThat(WriteCommands.writes(message(new Document("aggregate", "samples"))))
                .as("no pipeline")
                .isTrue();
    }

    private static Document aggregate(List<Document> pipeline) {
        return new Document("aggregate", "samples").append("pipeline", pipeline);
    }

    @Test
    void aLegacyCommandIsToldByItsNameWrappedOrNotAndALegacyQueryOfACollectionReads() {
        assertThat(WriteCommands.writes(query("meterhub.$cmd", new Document("isMaster", 1))))
                .isFalse();
        assertThat(WriteCommands.writes(query("meterhub.$cmd", new Document("$query", new Document("ping", 1)))))
                .isFalse();
        assertThat(WriteCommands.writes(query("meterhub.$cmd", command("insert"))))
                .isTrue();
        assertThat(WriteCommands.writes(query("meterhub.samples", new Document("_id", "x"))))
                .isFalse();
    }

    @Test
    void anEmptyCommandCountsAsAWrite() {
        assertThat(WriteCommands.writes(new Document())).isTrue();
    }

    private static MongoQuery query(String collection, Document query) {
        return new MongoQuery(null, HEADER, collection, 0, 0, query, null);
    }
}
