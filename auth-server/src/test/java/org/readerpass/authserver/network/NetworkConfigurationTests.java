package org.readerpass.authserver.network;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NetworkConfigurationTests {

	private static final LibraryTree PROVINCE_ONLY = LibraryTree.of(List.of(new Library("zj", "浙江图书馆", "Zhejiang Library", List.of())));

	@Test
	void checkDirectoriesWhenEveryDirectoryBelongsToALibraryThenAccepted() {
		assertThatCode(() -> NetworkConfiguration.checkDirectories(PROVINCE_ONLY,
				List.of(DemoDirectories.library(DemoLibrary.ZJ))))
			.doesNotThrowAnyException();
	}

	@Test
	void checkDirectoriesWhenDirectoryForUnknownLibraryThenStartupFailsNamingTheKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NetworkConfiguration.checkDirectories(PROVINCE_ONLY,
					List.of(DemoDirectories.library(DemoLibrary.ZJ), DemoDirectories.library(DemoLibrary.SX))))
			.withMessage("readerpass.directory.libraries[1].library: 'zj.sx' is not a library of "
					+ "readerpass.network.libraries");
	}

}
