package org.readerpass.authserver.token;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.account.SignedInReader;
import org.readerpass.policy.reader.VerificationLevel;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SignedInReaders}: one read of a reader per request, whatever asks for it. */
class SignedInReadersTests {

	private static final UUID READER = UUID.randomUUID();

	private static final ReaderAccount HOME = account("zj", "ZJ0001");

	private static final ReaderAccount OTHER = account("hz", "HZ0001");

	private final AtomicInteger accountReads = new AtomicInteger();

	private final AtomicInteger linkedReads = new AtomicInteger();

	private final SignedInReaders readers = new SignedInReaders(new ReaderAccounts() {

		@Override
		public List<ReaderAccount> findByCardNumber(String cardNumber) {
			return List.of();
		}

		@Override
		public List<ReaderAccount> findByResidentIdNumber(String idNumber) {
			return List.of();
		}

		@Override
		public Optional<ReaderAccount> findById(UUID accountId) {
			SignedInReadersTests.this.accountReads.incrementAndGet();
			return List.of(HOME, OTHER).stream().filter(account -> account.id().equals(accountId)).findFirst();
		}

		@Override
		public List<ReaderAccount> findByReaderId(UUID readerId) {
			SignedInReadersTests.this.linkedReads.incrementAndGet();
			return List.of(OTHER, HOME);
		}

	});

	@AfterEach
	void unbindRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void findWhenAskedTwiceInOneRequestThenAccountAndLinkedAccountsReadOnce() {
		bindRequest();

		SignedInReader forAccessToken = this.readers.find(HOME.id()).orElseThrow();
		assertThat(forAccessToken.libraries()).containsExactly("hz", "zj");
		SignedInReader forIdToken = this.readers.find(HOME.id()).orElseThrow();
		assertThat(forIdToken.libraries()).containsExactly("hz", "zj");

		assertThat(forIdToken).isSameAs(forAccessToken);
		assertThat(this.accountReads).hasValue(1);
		assertThat(this.linkedReads).hasValue(1);
	}

	@Test
	void findWhenAnotherAccountOrAnotherRequestThenReadAgain() {
		bindRequest();
		this.readers.find(HOME.id());
		this.readers.find(OTHER.id());
		bindRequest();
		this.readers.find(HOME.id());

		assertThat(this.accountReads).hasValue(3);
	}

	@Test
	void findWhenPurgedThenEmptyAndRememberedAsSuch() {
		bindRequest();
		UUID purged = UUID.randomUUID();

		assertThat(this.readers.find(purged)).isEmpty();
		assertThat(this.readers.find(purged)).isEmpty();
		assertThat(this.accountReads).hasValue(1);
	}

	@Test
	void findWhenNoRequestThenEveryCallReads() {
		this.readers.find(HOME.id());
		this.readers.find(HOME.id());

		assertThat(this.accountReads).hasValue(2);
	}

	private static void bindRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
	}

	private static ReaderAccount account(String library, String card) {
		return new ReaderAccount(UUID.randomUUID(), library, "dir-" + card, "uid=" + card, card, "王芳", null,
				AccountStatus.ACTIVE, null, null, null, READER, VerificationLevel.values()[0]);
	}

}
