package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Random;

/**
 * Sets the priority. oslo.messaging lower-cases it and hands a notification to an endpoint only at the priorities
 * the endpoint handles: Ceilometer's meter endpoint takes {@code info} and {@code sample}, its event endpoint
 * {@code info} and {@code error}; an unknown priority is dropped, and one that is not a string breaks the dispatcher.
 */
final class PriorityVariation implements Variation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<JsonNode> PRIORITIES = List.of(
            NODES.textNode("info"),
            NODES.textNode("INFO"),
            NODES.textNode("Info"),
            NODES.textNode("error"),
            NODES.textNode("ERROR"),
            NODES.textNode("warn"),
            NODES.textNode("WARN"),
            NODES.textNode("warning"),
            NODES.textNode("sample"),
            NODES.textNode("SAMPLE"),
            NODES.textNode("audit"),
            NODES.textNode("critical"),
            NODES.textNode("debug"),
            NODES.textNode(""),
            NODES.textNode("bogus"),
            NODES.nullNode(),
            NODES.numberNode(3));

    @Override
    public String apply(Draft draft, Random random) {
        JsonNode before = draft.message().get("priority");
        int choice = random.nextInt(PRIORITIES.size() + 1);
        if (choice == PRIORITIES.size()) {
            draft.message().remove("priority");
            return "priority " + before + " removed";
        }
        JsonNode after = PRIORITIES.get(choice);
        draft.message().set("priority", after);
        return "priority " + before + " -> " + after;
    }
}
