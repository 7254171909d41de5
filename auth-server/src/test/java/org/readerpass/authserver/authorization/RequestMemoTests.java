package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestMemo}: the store contract holds through it (every test here runs inside one
 * request, the worst case for a memo), and within a request each authorization is read once until
 * a change goes through it.
 */
class RequestMemoTests extends AuthorizationStoreContractTests {

	private final AtomicInteger reads = new AtomicInteger();

	@Override
	protected AuthorizationStore createStore(Clock clock) {
		InMemoryAuthorizationStore inMemory = new InMemoryAuthorizationStore(clock);
		return new RequestMemo(new Delegating(inMemory) {

			@Override
			public OAuth2Authorization findById(String id) {
				RequestMemoTests.this.reads.incrementAndGet();
				return super.findById(id);
			}

			@Override
			public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
				RequestMemoTests.this.reads.incrementAndGet();
				return super.findByToken(token, tokenType);
			}

		});
	}

	@BeforeEach
	void bindRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
	}

	@AfterEach
	void unbindRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void findByTokenWhenAskedAgainInTheSameRequestThenReadOnce() {
		OAuth2RefreshToken refresh = refreshToken("family", "r1");
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		this.reads.set(0);

		OAuth2Authorization first = this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);
		OAuth2Authorization second = this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);

		assertThat(second).isSameAs(first).isNotNull();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void findByTokenWhenAnotherTypeOrTokenThenReadAgain() {
		OAuth2RefreshToken refresh = refreshToken("family", "r1");
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		this.reads.set(0);

		this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);
		this.store.findByToken(refresh.getTokenValue(), null);
		this.store.findByToken("another", OAuth2TokenType.REFRESH_TOKEN);
		this.store.findById("family");
		this.store.findById("family");

		assertThat(this.reads).hasValue(4);
	}

	@Test
	void findByTokenWhenUnknownThenRememberedAsUnknownToo() {
		assertThat(this.store.findByToken("unknown", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.store.findByToken("unknown", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void findWhenChangedThroughTheMemoThenReadAgain() {
		OAuth2RefreshToken refresh = refreshToken("family", "r1");
		OAuth2Authorization saved = authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE)
			.refreshToken(refresh)
			.build();
		this.store.save(saved);
		this.reads.set(0);

		this.store.findById("family");
		this.store.useRefreshToken(refresh.getTokenValue());
		this.store.findById("family");
		this.store.save(saved);
		this.store.findById("family");
		this.store.revokeAuthorization("family");

		assertThat(this.store.findById("family")).isNull();
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void findByTokenWhenRefreshTokenJustClaimedThenTheClaimedAuthorizationWithoutReading() {
		OAuth2RefreshToken refresh = refreshToken("family", "r1");
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		this.reads.set(0);

		RefreshTokenUse use = this.store.useRefreshToken(refresh.getTokenValue());
		OAuth2Authorization found = this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);

		assertThat(use).isInstanceOfSatisfying(RefreshTokenUse.FirstUse.class,
				first -> assertThat(found).isSameAs(first.authorization()));
		assertThat(found.getRefreshToken().getToken().getTokenValue()).isEqualTo(refresh.getTokenValue());
		assertThat(this.reads).hasValue(0);
	}

	@Test
	void findByTokenWhenRefreshTokenReusedThenReadAgain() {
		OAuth2RefreshToken refresh = refreshToken("family", "r1");
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE).refreshToken(refresh).build());
		this.store.useRefreshToken(refresh.getTokenValue());
		this.reads.set(0);

		assertThat(this.store.useRefreshToken(refresh.getTokenValue())).isInstanceOf(RefreshTokenUse.Reuse.class);
		this.store.findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);

		assertThat(this.reads).hasValue(1);
	}

	@Test
	void findWhenNoRequestThenEveryLookupReadsTheStore() {
		RequestContextHolder.resetRequestAttributes();
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE)
			.refreshToken(refreshToken("family", "r1"))
			.build());
		this.reads.set(0);

		this.store.findById("family");
		this.store.findById("family");

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void findWhenAnotherRequestThenReadAgain() {
		this.store.save(authorization("family", AuthorizationGrantType.AUTHORIZATION_CODE)
			.refreshToken(refreshToken("family", "r1"))
			.build());
		this.reads.set(0);
		this.store.findById("family");

		bindRequest();
		this.clock.advance(Duration.ofSeconds(1));
		this.store.findById("family");

		assertThat(this.reads).hasValue(2);
	}


	/** Passes every call to a store; tests override what they count. */
	private static class Delegating implements AuthorizationStore {

		private final AuthorizationStore store;

		Delegating(AuthorizationStore store) {
			this.store = store;
		}

		@Override
		public void save(OAuth2Authorization authorization) {
			this.store.save(authorization);
		}

		@Override
		public void remove(OAuth2Authorization authorization) {
			this.store.remove(authorization);
		}

		@Override
		public OAuth2Authorization findById(String id) {
			return this.store.findById(id);
		}

		@Override
		public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
			return this.store.findByToken(token, tokenType);
		}

		@Override
		public RefreshTokenUse useRefreshToken(String refreshToken) {
			return this.store.useRefreshToken(refreshToken);
		}

		@Override
		public Optional<OAuth2Authorization> revokeAuthorization(String authorizationId) {
			return this.store.revokeAuthorization(authorizationId);
		}

		@Override
		public List<OAuth2Authorization> revokeSession(String sessionId) {
			return this.store.revokeSession(sessionId);
		}

		@Override
		public List<OAuth2Authorization> revokeClientOfReader(String principalName, String registeredClientId) {
			return this.store.revokeClientOfReader(principalName, registeredClientId);
		}

		@Override
		public void revokeAccessToken(String jti, Instant expiresAt) {
			this.store.revokeAccessToken(jti, expiresAt);
		}

		@Override
		public boolean isAccessTokenRevoked(String jti) {
			return this.store.isAccessTokenRevoked(jti);
		}

		@Override
		public int evictExpired() {
			return this.store.evictExpired();
		}

	}

}
