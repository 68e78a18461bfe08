package org.guidesearch.graph.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * What makes an embedded store this service's own, kept as two files in the store's folder: {@value #ID_FILE}, the id
 * the store's first start writes into it as a {@code (:StoreIdentity {id})} node, and {@value #PASSWORD_FILE}, the
 * password of its {@value #USER} user. Both are generated on the first start, readable by their owner only (mode
 * 0600 where the file system has POSIX permissions), and reused after. Immutable.
 *
 * @param id       compared with the store's {@code StoreIdentity} node before the service reads or writes it
 * @param password the {@value #USER} user's password; random, never logged
 */
public record StoreIdentity(String id, String password) {
    public static final String USER = "neo4j";
    public static final String ID_FILE = "store-id";
    public static final String PASSWORD_FILE = "password";

    private static final SecureRandom RANDOM = new SecureRandom();

    public StoreIdentity {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a store id is needed");
        if (password == null || password.isBlank()) throw new IllegalArgumentException("a store password is needed");
    }

    /** Reads the identity kept in {@code folder}, generating what is missing (the folder too). */
    public static StoreIdentity ofFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        String id = readOrCreate(folder.resolve(ID_FILE), UUID.randomUUID().toString());
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = readOrCreate(
                folder.resolve(PASSWORD_FILE),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        return new StoreIdentity(id, password);
    }

    public AuthToken authToken() {
        return AuthTokens.basic(USER, password);
    }

    @Override
    public String toString() {
        return "StoreIdentity[id=" + id + "]";
    }

    /** The file's content, or {@code fresh} written into a new file that only its owner can read. */
    private static String readOrCreate(Path file, String fresh) throws IOException {
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) return kept;
            Files.delete(file); // an empty file is what a crash during its first write leaves
        }
        try (SeekableByteChannel out = Files.newByteChannel(
                file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(file))) {
            out.write(ByteBuffer.wrap((fresh + "\n").getBytes(StandardCharsets.UTF_8)));
            return fresh;
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
