package io.meterhub.model.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 key files as PEM text: the private key {@code PRIVATE KEY} (PKCS#8), the public key {@code PUBLIC KEY}
 * (X.509 SubjectPublicKeyInfo) — the forms {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout}
 * write, so keys can be made and inspected with openssl too.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {}

    /**
     * The key pair in {@code privateKeyFile}; when the file does not exist, a new pair is generated and written there
     * (readable by the owner only) with its public key beside it in {@code <file>.pub}.
     */
    public static KeyPair loadOrCreate(Path privateKeyFile) throws IOException {
        if (Files.exists(privateKeyFile)) {
            PrivateKey key = readPrivate(privateKeyFile);
            Path pub = publicFileOf(privateKeyFile);
            if (!Files.exists(pub)) {
                throw new IOException(pub + " is missing: the public key must sit beside its private key");
            }
            return new KeyPair(readPublic(pub), key);
        }
        KeyPair pair = generate();
        writePem(privateKeyFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        writePem(publicFileOf(privateKeyFile), "PUBLIC KEY", pair.getPublic().getEncoded(), false);
        return pair;
    }

    /** A fresh key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform provides " + ALGORITHM, e);
        }
    }

    /** The public key file of a private key file: {@code <file>.pub}. */
    public static Path publicFileOf(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    /** Reads a {@code PUBLIC KEY} PEM file. */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(readPem(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " holds no Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code PRIVATE KEY} PEM file. */
    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(readPem(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " holds no Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** The id a message names its key by: the first 16 hex digits of the SHA-256 of the public key's encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file of a " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM body is not base64", e);
        }
    }

    private static void writePem(Path file, String label, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label
                + "-----\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".key", ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform has no POSIX permissions; the file keeps the default ones
            }
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
