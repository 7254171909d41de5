package org.readerpass.authserver.login;

import java.time.LocalDate;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.login.LoginOutcome.BadCredentials;
import org.readerpass.authserver.login.LoginOutcome.DirectoryUnavailable;
import org.readerpass.authserver.login.LoginOutcome.Expired;
import org.readerpass.authserver.login.LoginOutcome.SignedIn;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.policy.reader.VerificationLevel;

import static org.assertj.core.api.Assertions.assertThat;

class LoginMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LoginMetrics metrics = new LoginMetrics(this.registry);

	@Test
	void countWhenSignedInThenCountedAtTheAccountsLibrary() {
		this.metrics.count(new SignedIn(account("zj.sx")));
		this.metrics.count(new SignedIn(account("zj.sx")));

		assertThat(count("zj.sx", "signed_in")).isEqualTo(2.0);
	}

	@Test
	void countWhenExpiredOrDirectoryUnavailableThenCountedAtThatLibrary() {
		this.metrics.count(new Expired(LocalDate.of(2026, 1, 1), "zj"));
		this.metrics.count(new DirectoryUnavailable("zj.sx.zhuji"));

		assertThat(count("zj", "expired")).isEqualTo(1.0);
		assertThat(count("zj.sx.zhuji", "directory_unavailable")).isEqualTo(1.0);
	}

	@Test
	void countWhenWrongPasswordOrUnknownCardThenNoLibraryIsNamed() {
		this.metrics.count(new BadCredentials());

		assertThat(count("none", "bad_credentials")).isEqualTo(1.0);
		assertThat(this.registry.find(LoginMetrics.METER).counters()).hasSize(1);
	}

	@Test
	void countThrottledWhenRefusedBeforeAnyPasswordCheckThenThrottledWithoutALibrary() {
		this.metrics.countThrottled();

		assertThat(count("none", "throttled")).isEqualTo(1.0);
	}

	@Test
	void outcomeWhenAnyOutcomeThenSnakeCaseOfItsType() {
		assertThat(LoginMetrics.outcome(new SignedIn(account("zj")))).isEqualTo("signed_in");
		assertThat(LoginMetrics.outcome(new BadCredentials())).isEqualTo("bad_credentials");
		assertThat(LoginMetrics.outcome(new DirectoryUnavailable("zj"))).isEqualTo("directory_unavailable");
		assertThat(LoginMetrics.outcome(new Expired(LocalDate.of(2026, 1, 1), "zj"))).isEqualTo("expired");
	}

	private double count(String library, String outcome) {
		return this.registry.get(LoginMetrics.METER).tag("library", library).tag("outcome", outcome).counter().count();
	}

	private static ReaderAccount account(String library) {
		return new ReaderAccount(UUID.randomUUID(), library, "dir-id", "uid=X,dc=example", "SX9999", "Reader", "adult",
				AccountStatus.ACTIVE, null, null, null, UUID.randomUUID(), VerificationLevel.NONE);
	}

}
