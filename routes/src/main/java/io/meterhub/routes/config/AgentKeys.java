package io.meterhub.routes.config;

import io.meterhub.model.signing.Ed25519Keys;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registered agents' Ed25519 public keys of option {@code agent-keys}: every {@code *.pub} file of the directory. */
final class AgentKeys {

    private AgentKeys() {}

    /**
     * Public keys by key id; empty without the option.
     *
     * @throws ConfigException naming the option and the file that is not a key, or a directory that holds none
     */
    static Map<String, PublicKey> read(Optional<Path> dir) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (dir.isEmpty()) {
            return keys;
        }
        String option = "--" + HubOptions.AGENT_KEYS.name() + ": ";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*.pub")) {
            for (Path f : files) {
                PublicKey key = Ed25519Keys.readPublic(f);
                keys.put(Ed25519Keys.keyId(key), key);
            }
        } catch (IOException e) {
            throw new ConfigException(option + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new ConfigException(
                    option + dir.get() + " holds no *.pub key; every polling sample would be refused");
        }
        return keys;
    }
}
