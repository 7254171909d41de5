package org.readerpass.policy.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks "policy does no I/O" on purpose: reads a file. Never used. */
public final class PolicyClassReadingAFile {

	String read(Path path) throws IOException {
		return Files.readString(path);
	}

}
