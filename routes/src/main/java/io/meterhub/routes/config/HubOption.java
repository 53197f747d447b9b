package io.meterhub.routes.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One option of the hub, declared once: its name (the flag {@code --name}, the configuration-file key {@code name},
 * the environment variable {@code METERHUB_NAME}), its default, its parser and validation, and a one-line
 * description.
 *
 * @param defaultValue the raw default; null when the option has none
 * @param parser turns the raw text into the typed value; throws IllegalArgumentException saying what is wrong
 */
public record HubOption<T>(
        String name, String paramLabel, String defaultValue, String description, Function<String, T> parser) {

    /** The environment variable of this option, e.g. {@code METERHUB_AMQP_PORT} for {@code amqp-port}. */
    public String environmentVariable() {
        return "METERHUB_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Parses {@code raw}; a bad value becomes a {@link ConfigException} naming this option and the source. */
    T parse(String raw, String source) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new ConfigException(
                    "option --" + name + " (from " + source + "): '" + raw + "' is invalid: " + e.getMessage());
        }
    }
}
