package io.meterhub.routes.config;

/** A bad option: start-up stops with this message, which names the option. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
