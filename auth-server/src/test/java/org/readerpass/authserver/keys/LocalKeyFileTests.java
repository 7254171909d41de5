package org.readerpass.authserver.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKeyFileTests {

	@Test
	void readOrGenerateWhenNoFileThenGeneratesOnceAndReadsItBack(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data").resolve("some.key");

		String generated = LocalKeyFile.readOrGenerate(file, "a test key", "readerpass.test.key");
		String readBack = LocalKeyFile.readOrGenerate(file, "a test key", "readerpass.test.key");

		assertThat(Base64.getDecoder().decode(generated)).hasSize(32);
		assertThat(readBack).isEqualTo(generated);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void readOrGenerateWhenFileWrittenByOperatorThenItsTextStripped(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("some.key");
		Files.writeString(file, "operator-chosen-key\n");

		assertThat(LocalKeyFile.readOrGenerate(file, "a test key", "readerpass.test.key"))
			.isEqualTo("operator-chosen-key");
	}

}
