package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Puts non-ASCII text in names and metadata: accents, CJK, right-to-left, emoji (outside the BMP: two UTF-16 units,
 * one Python code point, which matters where text traits are cut to 255 characters), combining marks, zero-width and
 * control characters, a lone surrogate; as values of text fields, as ids, and as keys of {@code payload.metadata}
 * (the user metadata the instance meters copy). The line is written as UTF-8 or, sometimes and always for a lone
 * surrogate, with every non-ASCII character escaped.
 */
final class UnicodeVariation implements Variation {

    private static final List<String> TEXTS = List.of(
            "Ünïcødé-ñame",
            "テスト・サーバー",
            "服务器-一号",
            "שרת-ראשי",
            "خادم ١",
            "🚀 rocket 🧪",
            "e\u0301te\u0301",
            "zero\u200bwidth",
            "line\u2028separator",
            "tab\tand\nnewline",
            "nul\u0000byte",
            "lone \ud83d surrogate",
            "𝔘".repeat(200) + "é".repeat(100),
            "x".repeat(254) + "😀" + "tail");

    private static final List<String> TEXT_FIELDS = List.of(
            "display_name", "host", "hostname", "instance_type", "name", "node", "state_description", "os_type");

    private static final List<String> ID_FIELDS =
            List.of("instance_id", "tenant_id", "user_id", "id", "volume_id", "image_id", "resource_id");

    @Override
    public String apply(Draft draft, Random random) {
        String text = TEXTS.get(random.nextInt(TEXTS.size()));
        if (hasLoneSurrogate(text) || random.nextInt(4) == 0) {
            draft.escapeNonAscii();
        }
        int where = random.nextInt(10);
        String change;
        if (where < 2 || draft.payload() == null) {
            draft.message().put("publisher_id", "compute." + text);
            change = "publisher_id";
        } else if (where < 5) {
            change = intoMetadata(draft.payload(), text, random);
        } else {
            List<String> fields = where < 8 ? TEXT_FIELDS : ID_FIELDS;
            List<Slot> present = Slot.under(draft.payload(), "payload", 3).stream()
                    .filter(s -> s.field() != null && fields.contains(s.field()))
                    .filter(s -> s.value().isValueNode())
                    .toList();
            if (present.isEmpty()) {
                draft.payload().put("display_name", text);
                change = "payload.display_name (added)";
            } else {
                Slot slot = present.get(random.nextInt(present.size()));
                slot.set(draft.payload().textNode(text));
                change = slot.path();
            }
        }
        return change + " = " + describe(text);
    }

    private static String intoMetadata(ObjectNode payload, String text, Random random) {
        ObjectNode metadata = payload.get("metadata") instanceof ObjectNode m ? m : payload.putObject("metadata");
        String key = random.nextBoolean() ? "metering." + text : "métadonnée." + random.nextInt(100);
        metadata.put(key, text);
        return "payload.metadata['" + describe(key) + "']";
    }

    /** A lone surrogate is no character: only an escaped line can carry it. */
    private static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    private static String describe(String text) {
        int points = text.codePointCount(0, text.length());
        String shown = points > 40 ? text.substring(0, text.offsetByCodePoints(0, 20)) + "…" : text;
        return "'" + visible(shown) + "' (" + points + " code points, " + text.length() + " UTF-16 units)";
    }

    /** Control, format and separator characters and lone surrogates as {@code \\uXXXX}, so a note stays one line. */
    private static String visible(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE;
            b.append(invisible ? String.format("\\u%04x", cp) : new String(Character.toChars(cp)));
        });
        return b.toString();
    }
}
