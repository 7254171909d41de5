package org.readerpass.authserver.session;

import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks an {@code id_token_hint} (OIDC Core §3.1.2.1, RP-Initiated Logout §2): an ID token this
 * server signed with one of its keys, naming it as issuer. An expired one is accepted — a hint is
 * often sent after its ID token expired — but nothing unsigned ({@code alg: none}), nothing signed
 * by another key, and no access or logout token (their {@code typ}) ever passes.
 */
public final class IdTokenHints {

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	public IdTokenHints(JWKSource<SecurityContext> keys, String issuer) {
		this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256,
				JWSAlgorithm.RS256), keys));
		this.processor.setJWTClaimsSetVerifier((claims, context) -> {
			if (!issuer.equals(claims.getIssuer())) {
				throw new BadJWTException("another issuer");
			}
			if (claims.getSubject() == null || claims.getAudience() == null || claims.getAudience().isEmpty()) {
				throw new BadJWTException("not an ID token");
			}
		});
	}

	/** The hint's claims when it is one of this server's ID tokens; empty otherwise. */
	public Optional<JWTClaimsSet> verify(String hint) {
		if (hint == null || hint.isEmpty() || hint.length() > 16_384) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.processor.process(hint, null));
		}
		catch (ParseException | BadJOSEException | JOSEException ex) {
			return Optional.empty();
		}
	}

}
