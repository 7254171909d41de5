package org.readerpass.authserver.login;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.password.PasswordResult;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSO session check before an authorization: one account read per request of a signed-in
 * reader, none for the request a login continues (its account was read by that login).
 */
class ReaderSessionCheckTests {

	/** No account any more: a checked session ends. Counts the reads. */
	private final GoneAccounts accounts = new GoneAccounts();

	private final ReaderSessionCheck check = new ReaderSessionCheck((request) -> true,
			new ReaderLogin(this.accounts, (account, password) -> PasswordResult.VERIFIED, Clock.systemUTC(),
					ZoneId.of("Asia/Shanghai")));

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void filterWhenSignedInReadersAccountGoneThenSessionEnded() throws Exception {
		MockHttpServletRequest request = signedInRequest();
		MockHttpSession session = (MockHttpSession) request.getSession();

		this.check.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(this.accounts.reads).hasValue(1);
		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void filterWhenTheRequestItselfSignedTheReaderInThenNoAccountRead() throws Exception {
		MockHttpServletRequest request = signedInRequest();
		request.setAttribute(ReaderSessionCheck.SIGNED_IN_BY_THIS_REQUEST, Boolean.TRUE);

		this.check.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(this.accounts.reads).hasValue(0);
		assertThat(((MockHttpSession) request.getSession()).isInvalid()).isFalse();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(ReaderAuthenticationToken.class);
	}

	private static MockHttpServletRequest signedInRequest() {
		SecurityContextHolder.getContext()
			.setAuthentication(new ReaderAuthenticationToken(new ReaderPrincipal(UUID.randomUUID(), UUID.randomUUID(),
					"zj", Instant.now(), ReaderPrincipal.newSessionId())));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.setSession(new MockHttpSession());
		return request;
	}

	private static final class GoneAccounts implements ReaderAccounts {

		final AtomicInteger reads = new AtomicInteger();

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
			this.reads.incrementAndGet();
			return Optional.empty();
		}

		@Override
		public List<ReaderAccount> findByReaderId(UUID readerId) {
			return List.of();
		}

	}

}
