package org.readerpass.policy.reader;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderContextTests {

	private static final UUID ID = UUID.randomUUID();

	@Test
	void newWhenHomeLibraryMissingFromLibrariesThenAddedFirst() {
		ReaderContext reader = new ReaderContext(ID, ID, "zj.sx.zhuji", List.of("zj.hz", "zj.sx.zhuji", "zj.hz"), null,
				List.of(), VerificationLevel.NONE, null, Instant.EPOCH);
		assertThat(reader.libraries()).containsExactly("zj.sx.zhuji", "zj.hz");
	}

	@Test
	void toStringWhenPrintedThenNoIdentifiersOrAddress() throws Exception {
		ReaderContext reader = ReaderContext.of(ID, ID, "zj.sx", Instant.EPOCH)
			.withClientAddress(InetAddress.getByName("10.30.20.1"));
		assertThat(reader.toString()).doesNotContain(ID.toString()).doesNotContain("10.30.20.1");
	}

	@Test
	void withersWhenUsedThenOnlyThatComponentChanges() {
		ReaderContext reader = ReaderContext.of(ID, ID, "zj.sx", Instant.EPOCH)
			.withReaderType("child")
			.withGroups(List.of(new DirectoryGroup("zj.sx", "teachers")))
			.withVerification(VerificationLevel.CARD)
			.withInstant(Instant.EPOCH.plusSeconds(1));
		assertThat(reader.readerType()).isEqualTo("child");
		assertThat(reader.groups()).containsExactly(new DirectoryGroup("zj.sx", "teachers"));
		assertThat(reader.verification()).isEqualTo(VerificationLevel.CARD);
		assertThat(reader.at()).isEqualTo(Instant.EPOCH.plusSeconds(1));
		assertThat(reader.libraries()).containsExactly("zj.sx");
	}

}
