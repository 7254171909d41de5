package org.readerpass.adminui.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.testsupport.TestAccounts;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;

/** Reader contexts from real account rows (H2), written as the sync writes them. */
class ReaderContextsTests {

	private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

	private ReaderAccountStore accounts;

	private ReaderContexts contexts;

	@BeforeEach
	void accounts() {
		this.accounts = TestAccounts.accounts(TestDatabases.h2());
		TestAccounts.write(this.accounts);
		this.contexts = new ReaderContexts(this.accounts);
	}

	@Test
	void forAccountWhenLinkedAccountsThenHomeLibraryFirstAndEveryLibrary() throws Exception {
		ReaderAccount sx = TestAccounts.byCard(this.accounts, "SX0002");
		InetAddress address = InetAddress.getByName("10.30.50.1");
		ReaderContext context = this.contexts.forAccount(sx.id(), Optional.of(address), AT).orElseThrow();
		assertThat(context.accountId()).isEqualTo(sx.id());
		assertThat(context.readerId()).isEqualTo(sx.readerId());
		assertThat(context.homeLibrary()).isEqualTo("zj.sx");
		assertThat(context.libraries()).containsExactly("zj.sx", "zj");
		assertThat(context.readerType()).isEqualTo("adult");
		assertThat(context.groups()).isEmpty();
		assertThat(context.verification()).isEqualTo(VerificationLevel.REAL_NAME);
		assertThat(context.clientAddress()).isEqualTo(address);
		assertThat(context.at()).isEqualTo(AT);
	}

	@Test
	void forAccountWhenAddressUnknownThenNullAddress() {
		ReaderAccount child = TestAccounts.byCard(this.accounts, "ZH0001");
		ReaderContext context = this.contexts.forAccount(child.id(), Optional.empty(), AT).orElseThrow();
		assertThat(context.clientAddress()).isNull();
		assertThat(context.libraries()).containsExactly("zj.sx.zhuji");
		assertThat(context.readerType()).isEqualTo("child");
		assertThat(context.verification()).isEqualTo(VerificationLevel.CARD);
	}

	@Test
	void forAccountWhenAccountUnknownThenEmpty() {
		assertThat(this.contexts.forAccount(UUID.randomUUID(), Optional.empty(), AT)).isEmpty();
	}

	@Test
	void forReaderWhenTwoAccountsThenOneContextPerAccountByLibrary() {
		UUID readerId = TestAccounts.byCard(this.accounts, "ZJ0002").readerId();
		assertThat(this.contexts.forReader(readerId, Optional.empty(), AT))
			.extracting(ReaderContext::homeLibrary, ReaderContext::libraries)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("zj", java.util.List.of("zj", "zj.sx")),
					org.assertj.core.groups.Tuple.tuple("zj.sx", java.util.List.of("zj.sx", "zj")));
		assertThat(this.contexts.forReader(UUID.randomUUID(), Optional.empty(), AT)).isEmpty();
	}

}
