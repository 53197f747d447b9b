package io.meterhub.mediation.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.mediation.Corpus;
import io.meterhub.mediation.ListenerForm;
import io.meterhub.mediation.definition.DefinitionFileException;
import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventDefinitionsTest {

    private static final String CREATE_END = "dae6f69c-00e0-41c0-b371-41ec3b7f4451";

    @Test
    void theLastMatchingDefinitionWins() {
        EventDefinitions defs = load(
                """
                - event_type: compute.instance.*
                  traits:
                    first: {fields: payload.display_name}
                - event_type: compute.instance.create.*
                  traits:
                    second: {fields: payload.display_name}
                """,
                false);
        assertThat(traits(defs, CREATE_END)).containsKey("second").doesNotContainKey("first");
    }

    @Test
    void exclusionsRemoveTypesAndOnlyExclusionsMeanEverythingElse() {
        EventDefinitions defs = load(
                """
                - event_type: ['compute.*', '!compute.instance.create.*']
                  traits:
                    a: {fields: payload.display_name}
                - event_type: '!image.*'
                  traits:
                    b: {fields: payload.display_name}
                """,
                true);
        assertThat(traits(defs, CREATE_END)).containsKey("b").doesNotContainKey("a");
        assertThat(event(defs, Corpus.firstOf("image.upload"))).isEmpty();
    }

    @Test
    void unmatchedNotificationsGetTheDefaultTraitsUnlessDropped() {
        String yaml = "- event_type: image.*\n  traits: {}\n";
        assertThat(traits(load(yaml, false), CREATE_END))
                .containsOnlyKeys("service", "request_id", "project_id", "user_id", "tenant_id");
        assertThat(event(load(yaml, true), Corpus.line(CREATE_END))).isEmpty();
    }

    @Test
    void traitsTakeTheirTypes() {
        EventDefinitions defs = load(
                """
                - event_type: compute.instance.create.end
                  traits:
                    memory_mb: {type: int, fields: payload.memory_mb}
                    memory_text: {fields: payload.memory_mb}
                    disk: {type: float, fields: payload.disk_gb}
                    launched_at: {type: datetime, fields: payload.launched_at}
                    deleted_at: {type: datetime, fields: payload.deleted_at}
                    first_of: {fields: ['payload.nothing', 'payload.display_name']}
                    host: {fields: publisher_id, plugin: {name: split, parameters: {segment: 1, max_split: 1}}}
                """,
                false);
        Map<String, Trait> t = traitMap(defs, CREATE_END);
        assertThat(t.get("memory_mb").value()).isEqualTo(512L);
        assertThat(t.get("memory_text")).isEqualTo(new Trait("memory_text", TraitType.TEXT, "512"));
        assertThat(t.get("disk").value()).isEqualTo(0.0);
        assertThat(t.get("launched_at").value()).isEqualTo(Instant.parse("2012-05-08T20:23:47.985999Z"));
        assertThat(t).doesNotContainKey("deleted_at"); // nova sends '' for a null date
        assertThat(t.get("first_of").value()).isEqualTo("testme");
        assertThat(t.get("host").value()).isEqualTo("vagrant-precise");
    }

    @Test
    void aValueTheTraitTypeCannotTakeFailsNamingTheTrait() {
        EventDefinitions defs = load(
                """
                - event_type: compute.instance.create.end
                  traits:
                    name_as_int: {type: int, fields: payload.display_name}
                """,
                false);
        Notification n = Corpus.decode(Corpus.line(CREATE_END));
        assertThatThrownBy(() -> defs.toEvent(n, ListenerForm.of(n)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trait name_as_int (int): invalid literal for int(): 'testme'");
    }

    @Test
    void malformedEntriesNameTheFileAndEntry() {
        assertThatThrownBy(() -> load("- event_type: a.*\n", false))
                .isInstanceOf(DefinitionFileException.class)
                .hasMessageContaining("test.yaml: entry[0] a.*: Required field traits not specified");
        assertThatThrownBy(() -> load("- event_type: a.*\n  traits:\n    x: {type: number, fields: a}\n", false))
                .hasMessageContaining("Invalid trait type 'number' for trait x");
        assertThatThrownBy(() -> load("- event_type: a.*\n  traits:\n    x: {plugin: nosuch, fields: a}\n", false))
                .hasMessageContaining("entry[0] a.*")
                .hasMessageContaining("nosuch");
    }

    @Test
    void shippedDefinitionsLoad() {
        EventDefinitions defs = EventDefinitions.load(EventDefinitions.defaults(), false);
        Map<String, Trait> t = traitMap(defs, CREATE_END);
        assertThat(t.get("instance_id").value()).isEqualTo("9f9d01b9-4a58-4271-9e27-398b21ab20d1");
        assertThat(t.get("service").value()).isEqualTo("compute"); // publisher_id.`split(., 0, -1)`
    }

    private static EventDefinitions load(String yaml, boolean dropUnmatched) {
        return EventDefinitions.load(new DefinitionSource("test.yaml", yaml), dropUnmatched);
    }

    private static Optional<Event> event(EventDefinitions defs, String line) {
        Notification n = Corpus.decode(line);
        return defs.toEvent(n, ListenerForm.of(n));
    }

    private static Map<String, Object> traits(EventDefinitions defs, String messageId) {
        return traitMap(defs, messageId).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
    }

    private static Map<String, Trait> traitMap(EventDefinitions defs, String messageId) {
        return event(defs, Corpus.line(messageId)).orElseThrow().traits().stream()
                .collect(Collectors.toMap(Trait::name, t -> t));
    }
}
