package io.meterhub.mediation.definition;

/**
 * A definitions file that cannot be used: it is missing, is not YAML, or one of its entries is invalid. The message
 * names the file, the entry (when there is one) and the problem, e.g.
 * {@code meters.yaml: metric[3] 'memory': Required fields ['volume'] not specified}.
 */
public class DefinitionFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DefinitionFileException(String file, String problem) {
        super(file + ": " + problem);
    }

    public DefinitionFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /** A problem with one entry of the file. */
    public static DefinitionFileException entry(String file, String entry, String problem, Throwable cause) {
        return new DefinitionFileException(file, entry + ": " + problem, cause);
    }
}
