package io.meterhub.agent.config;

/** A bad option or configuration file: the agent does not start, and the message names what is wrong. */
public class AgentConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgentConfigException(String message) {
        super(message);
    }

    public AgentConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
