package org.readerpass.ldapsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

/**
 * The committed demo LDIFs are exactly what the generator writes. With
 * {@code -Dreaderpass.demo.regenerate=true} the test rewrites them first.
 */
class DemoDirectoriesTests {

	private static final Path FOLDER = Path.of("src/main/resources/demo/directories");

	@Test
	void committedLdifWhenGeneratorRunsAgainThenSame() throws IOException {
		if (Boolean.getBoolean("readerpass.demo.regenerate")) {
			DemoLdif.writeAll(FOLDER);
		}
		for (DemoLibrary library : DemoLibrary.values()) {
			Path file = FOLDER.resolve(library.code() + ".ldif");
			assertThat(file).exists();
			assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).isEqualTo(DemoLdif.of(library));
		}
	}

}
