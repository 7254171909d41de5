package org.readerpass.authserver.login;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.login.LoginOutcome.BadCredentials;
import org.readerpass.authserver.login.LoginOutcome.ChooseLibrary;
import org.readerpass.authserver.login.LoginOutcome.DirectoryUnavailable;
import org.readerpass.authserver.login.LoginOutcome.Expired;
import org.readerpass.authserver.login.LoginOutcome.MissingInput;
import org.readerpass.authserver.login.LoginOutcome.SignedIn;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.TestDatabases;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.readerpass.policy.Secret;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login decisions on a real account store (H2). The directory's verdict is given: the bind itself
 * is covered against real directories by LoginPageTests and SlapdLoginTests.
 */
class ReaderLoginTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ReaderAccountStore accounts = accounts();

	private static ReaderAccountStore accounts() {
		DataSource dataSource = TestDatabases.migrate(TestDatabases.h2());
		ReaderAccountStore accounts = TestReaderAccounts.jdbc(dataSource,
				new ResidentIdHasher(Secret.of("test-only-identity-hmac-key-0123456789")));
		accounts.write(List.of(new DirectoryAccount("zj", "dir-1", "uid=ZJ0042,ou=readers", "ZJ0042", "测试", "general",
				AccountStatus.ACTIVE, LocalDate.parse("2026-12-31"), null, null, null)), Instant.now(), UUID.randomUUID());
		// one card number, two people at two libraries
		accounts.write(List.of(new DirectoryAccount("zj.sx", "dir-2", "uid=SHARED,ou=sx", "SHARED", "甲", "general",
				AccountStatus.ACTIVE, LocalDate.parse("2099-12-31"), null, null, null)), Instant.now(), UUID.randomUUID());
		accounts.write(List.of(new DirectoryAccount("zj.sx.zhuji", "dir-3", "uid=SHARED,ou=zhuji", "SHARED", "乙",
				"general", AccountStatus.ACTIVE, LocalDate.parse("2099-12-31"), null, null, null)), Instant.now(),
				UUID.randomUUID());
		return accounts;
	}

	private ReaderLogin loginAt(String instant) {
		return new ReaderLogin(this.accounts, (account, password) -> PasswordResult.VERIFIED,
				Clock.fixed(Instant.parse(instant), ZoneId.of("UTC")), SHANGHAI);
	}

	@Test
	void loginWhenLastDayOfValidityInLibraryZoneThenSignedIn() {
		// 2026-12-31 23:30 in Shanghai is still 15:30 UTC the same day
		assertThat(loginAt("2026-12-31T15:30:00Z").login("ZJ0042", "pw", null)).isInstanceOf(SignedIn.class);
	}

	@Test
	void loginWhenDayAfterExpiryInLibraryZoneThenExpiredEvenIfStillThatDayInUtc() {
		// 2027-01-01 00:30 in Shanghai is 2026-12-31 16:30 UTC: the card has expired for the library
		assertThat(loginAt("2026-12-31T16:30:00Z").login("ZJ0042", "pw", null)).isInstanceOf(Expired.class);
	}

	@Test
	void loginWhenPasswordEmptyOrMissingThenMissingInputAndNoDirectoryAsked() {
		ReaderLogin login = new ReaderLogin(this.accounts, (account, password) -> {
			throw new AssertionError("no password to verify");
		}, Clock.systemUTC(), SHANGHAI);
		assertThat(login.login("ZJ0042", "", null)).isInstanceOf(MissingInput.class);
		assertThat(login.login("ZJ0042", null, null)).isInstanceOf(MissingInput.class);
	}

	/** A login against the shared card, each library's directory answering as given. */
	private LoginOutcome sharedCard(PasswordResult atSx, PasswordResult atZhuji) {
		List<String> asked = new java.util.ArrayList<>();
		ReaderLogin login = new ReaderLogin(this.accounts, (account, password) -> {
			asked.add(account.libraryCode());
			return "zj.sx".equals(account.libraryCode()) ? atSx : atZhuji;
		}, Clock.systemUTC(), SHANGHAI);
		LoginOutcome outcome = login.login("SHARED", "pw", null);
		assertThat(asked).containsExactlyInAnyOrder("zj.sx", "zj.sx.zhuji");
		return outcome;
	}

	@Test
	void loginWhenCardAtTwoLibrariesAndPasswordRightAtOneThenThatOneSignsIn() {
		assertThat(sharedCard(PasswordResult.REJECTED, PasswordResult.VERIFIED)).isInstanceOfSatisfying(SignedIn.class,
				signedIn -> assertThat(signedIn.account().libraryCode()).isEqualTo("zj.sx.zhuji"));
	}

	@Test
	void loginWhenCardAtTwoLibrariesAndPasswordRightAtBothThenReaderChoosesAmongThem() {
		assertThat(sharedCard(PasswordResult.VERIFIED, PasswordResult.VERIFIED)).isInstanceOfSatisfying(
				ChooseLibrary.class, choose -> assertThat(choose.libraryCodes()).containsExactlyInAnyOrder("zj.sx",
						"zj.sx.zhuji"));
	}

	@Test
	void loginWhenCardAtTwoLibrariesAndPasswordWrongAtBothThenBadCredentialsNamingNoLibrary() {
		assertThat(sharedCard(PasswordResult.REJECTED, PasswordResult.REJECTED)).isInstanceOf(BadCredentials.class);
	}

	@Test
	void loginWhenCardAtTwoLibrariesAndOneDirectoryDownThenUnavailableNeverWrongPassword() {
		assertThat(sharedCard(PasswordResult.REJECTED, PasswordResult.DIRECTORY_UNAVAILABLE))
			.isInstanceOfSatisfying(DirectoryUnavailable.class,
					unavailable -> assertThat(unavailable.libraryCode()).isEqualTo("zj.sx.zhuji"));
	}

	@Test
	void loginWhenUnknownCardThenABindIsSpentAsForAWrongPassword() {
		java.util.concurrent.atomic.AtomicInteger nobody = new java.util.concurrent.atomic.AtomicInteger();
		ReaderLogin login = new ReaderLogin(this.accounts, new PasswordVerifier() {

			@Override
			public PasswordResult verify(ReaderAccount account, Password password) {
				throw new AssertionError("no account to check");
			}

			@Override
			public void checkNobody() {
				nobody.incrementAndGet();
			}

		}, Clock.systemUTC(), SHANGHAI);

		assertThat(login.login("NO-SUCH-CARD", "pw", null)).isInstanceOf(BadCredentials.class);
		assertThat(nobody).as("the round trip of a wrong password").hasValue(1);
	}

	@Test
	void identifierWhenTypedWithBlanksOrALowerCaseIdThenAsLoginLooksItUp() {
		assertThat(ReaderLogin.identifier("  ZJ0001 ")).isEqualTo("ZJ0001");
		assertThat(ReaderLogin.identifier("33060219900101123x")).isEqualTo("33060219900101123X");
		assertThat(ReaderLogin.identifier(null)).isEmpty();
		assertThat(ReaderLogin.identifier("   ")).isEmpty();
	}

}
