package org.readerpass.authserver.session;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.readerpass.authserver.keys.SigningKeys;
import org.readerpass.authserver.subject.PairwiseSubjects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** SSO sessions' end: RP-initiated logout, the reader's sign-out and back-channel logout. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	IdTokenHints idTokenHints(JWKSource<SecurityContext> keys, IssuerProperties issuer) {
		return new IdTokenHints(keys, issuer.value());
	}

	@Bean(destroyMethod = "close")
	BackChannelLogout backChannelLogout(RegisteredClientRepository clients, JwtEncoder encoder, SigningKeys signingKeys,
			IssuerProperties issuer, LogoutProperties properties, SecurityEvents events,
			MeterRegistry meters, Clock clock) {
		return new BackChannelLogout(clients, BackChannelLogout.signer(encoder, signingKeys::currentKeyId),
				issuer.value(), properties, events, meters, clock);
	}

	/** The authorization server's session registry: none kept ({@link HeldNowhereSessionRegistry}). */
	@Bean
	SessionRegistry sessionRegistry() {
		return new HeldNowhereSessionRegistry();
	}

	@Bean
	SessionLogout sessionLogout(AuthorizationStore authorizations, BackChannelLogout backChannel,
			RegisteredClientRepository clients, PairwiseSubjects subjects) {
		return new SessionLogout(authorizations, backChannel, clients, subjects);
	}

}
