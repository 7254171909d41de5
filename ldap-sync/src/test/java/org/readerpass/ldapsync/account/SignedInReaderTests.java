package org.readerpass.ldapsync.account;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInReaderTests {

	private static final UUID READER = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

	private final ReaderAccount home = account("zj.sx", "SX0002", "adult", VerificationLevel.REAL_NAME);

	private final ReaderAccount other = account("zj", "ZJ0002", "adult", VerificationLevel.REAL_NAME);

	@Test
	void librariesWhenLinkedAccountsThenEachLibraryOnceInTheirOrder() {
		ReaderAccount second = account("zj", "ZJ9002", null, VerificationLevel.CARD);
		SignedInReader reader = SignedInReader.of(this.home, List.of(this.other, second, this.home));

		assertThat(reader.libraries()).containsExactly("zj", "zj.sx");
	}

	@Test
	void acrWhenSignedInThenTheSignInAccountsVerificationLevel() {
		ReaderAccount card = account("zj", "ZJ0001", null, VerificationLevel.CARD);

		assertThat(SignedInReader.of(card, List.of(card, this.home)).acr()).isEqualTo(VerificationLevel.CARD.acr());
		assertThat(SignedInReader.of(this.home, List.of(card, this.home)).acr())
			.isEqualTo(VerificationLevel.REAL_NAME.acr());
	}

	@Test
	void policyContextWhenBuiltThenHomeLibraryFirstAndAddressAndTimeCarried() throws Exception {
		InetAddress address = InetAddress.getByAddress(new byte[] { 10, 30, 20, 1 });

		ReaderContext context = SignedInReader.of(this.home, List.of(this.other, this.home))
			.policyContext(Optional.of(address), AT);

		assertThat(context.readerId()).isEqualTo(READER);
		assertThat(context.accountId()).isEqualTo(this.home.id());
		assertThat(context.homeLibrary()).isEqualTo("zj.sx");
		assertThat(context.libraries()).containsExactly("zj.sx", "zj");
		assertThat(context.readerType()).isEqualTo("adult");
		assertThat(context.verification()).isEqualTo(VerificationLevel.REAL_NAME);
		assertThat(context.clientAddress()).isEqualTo(address);
		assertThat(context.at()).isEqualTo(AT);
	}

	@Test
	void policyContextWhenReaderTypeBlankThenNone() {
		ReaderAccount blank = account("zj", "ZJ0003", " ", VerificationLevel.CARD);

		assertThat(SignedInReader.of(blank, List.of(blank)).policyContext(Optional.empty(), AT).readerType()).isNull();
	}

	@Test
	void linkedAccountsWhenOnlyAcrNeededThenNotReadAndWhenNeededThenReadOnce() {
		CountingAccounts accounts = new CountingAccounts(List.of(this.other, this.home));
		SignedInReader reader = accounts.findSignedIn(this.home.id()).orElseThrow();

		reader.acr();
		assertThat(accounts.linkedReads).isZero();

		reader.libraries();
		reader.policyContext(Optional.empty(), AT);
		assertThat(accounts.linkedReads).isEqualTo(1);
	}

	@Test
	void findSignedInWhenAccountNotStoredThenEmpty() {
		assertThat(new CountingAccounts(List.of(this.home)).findSignedIn(UUID.randomUUID())).isEmpty();
	}

	private static ReaderAccount account(String library, String card, String readerType, VerificationLevel level) {
		return new ReaderAccount(UUID.randomUUID(), library, "dir-" + card, "uid=" + card, card, "王芳", readerType,
				AccountStatus.ACTIVE, null, null, null, READER, level);
	}

	/** Accounts of one person, counting how often the linked accounts are read. */
	private static final class CountingAccounts implements ReaderAccounts {

		private final List<ReaderAccount> all;

		int linkedReads;

		CountingAccounts(List<ReaderAccount> all) {
			this.all = new ArrayList<>(all);
		}

		@Override
		public List<ReaderAccount> findByCardNumber(String cardNumber) {
			return this.all.stream().filter(account -> account.cardNumber().equals(cardNumber)).toList();
		}

		@Override
		public List<ReaderAccount> findByResidentIdNumber(String idNumber) {
			return List.of();
		}

		@Override
		public Optional<ReaderAccount> findById(UUID accountId) {
			return this.all.stream().filter(account -> account.id().equals(accountId)).findFirst();
		}

		@Override
		public List<ReaderAccount> findByReaderId(UUID readerId) {
			this.linkedReads++;
			return this.all.stream().filter(account -> account.readerId().equals(readerId)).toList();
		}

	}

}
