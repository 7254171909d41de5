package org.readerpass.authserver.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key a single-node installation keeps in a file of its data directory when the configuration
 * names none: read if the file exists, else 32 random bytes written there once (base64, mode 600)
 * and a WARN naming the property every node of a cluster must set instead. Copying the file's text
 * into that property keeps the key when an installation grows into a cluster.
 */
public final class LocalKeyFile {

	private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalKeyFile() {
	}

	/**
	 * The file's text (stripped), generated first if there is no file.
	 * @param file where the key is kept
	 * @param what what the key is, for the log ("a key-encryption key")
	 * @param property the configuration property that a cluster sets instead
	 * @return the key's text: base64 of 32 random bytes unless someone wrote another one there
	 */
	public static String readOrGenerate(Path file, String what, String property) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			byte[] key = new byte[32];
			RANDOM.nextBytes(key);
			String text = Base64.getEncoder().encodeToString(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: nothing more to do
			}
			log.warn("Generated {} in {}; set {} on every node of a cluster instead", what, file, property);
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the key file " + file, ex);
		}
	}

}
