package org.readerpass.authserver.authorization;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAuthorizationStoreTests extends AuthorizationStoreContractTests {

	@Override
	protected AuthorizationStore createStore(Clock clock) {
		return new InMemoryAuthorizationStore(clock);
	}

	private InMemoryAuthorizationStore inMemory() {
		return (InMemoryAuthorizationStore) this.store;
	}

	@Test
	void evictExpiredWhenPendingConsentOutlivesItsTtlThenRemoved() {
		this.store.save(authorization("pending", AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "consent-state")
			.build());
		this.clock.advance(StoredAuthorizations.PENDING_TTL.plus(Duration.ofSeconds(1)));
		assertThat(this.store.evictExpired()).isEqualTo(1);
		assertThat(this.store.findByToken("consent-state", null)).isNull();
		assertThat(inMemory().size()).isZero();
	}

	@Test
	void evictExpiredWhenRevocationsExpiredThenListShrinks() {
		this.store.revokeAccessToken("jti", NOW.plus(Duration.ofMinutes(1)));
		assertThat(inMemory().revocationListSize()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.store.evictExpired();
		assertThat(inMemory().revocationListSize()).isZero();
	}

}
