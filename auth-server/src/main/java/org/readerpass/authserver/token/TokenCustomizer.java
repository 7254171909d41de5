package org.readerpass.authserver.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.readerpass.authserver.keys.SigningKeys;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.login.ReaderPrincipal;
import org.readerpass.authserver.network.ReaderAddressCapture;
import org.readerpass.authserver.resource.ResourceAccess;
import org.readerpass.authserver.resource.ResourceIndicators;
import org.readerpass.authserver.subject.PairwiseSubjects;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.account.SignedInReader;
import org.readerpass.policy.resource.Resource;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes every JWT the server signs: in the header the algorithm — for access tokens the configured
 * one, for ID tokens the client's — and the key id of the key signing with it now;
 * access tokens as RFC 9068 ({@code typ: at+jwt}, {@code client_id}, {@code auth_time},
 * {@code acr}), and — when the client names a resource server (RFC 8707) — {@code aud} set to it
 * and {@code entitlements} holding the reader's entitlements for that one resource; ID tokens
 * with {@code acr} and the reader claims their scopes release, never entitlements. A reader's
 * tokens carry the {@code sub} their client sees ({@link PairwiseSubjects}). The reader is
 * read once per token, as a {@link SignedInReader}: the one source of its claims and of the
 * policy context its entitlements are evaluated in.
 */
public final class TokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String ENTITLEMENTS_CLAIM = "entitlements";

	public static final String SID_CLAIM = "sid";

	private final SigningKeys signingKeys;

	private final SignedInReaders readers;

	private final ResourceAccess resourceAccess;

	private final PairwiseSubjects subjects;

	private final Clock clock;

	private final Duration onSiteEvidenceLifetime;

	/**
	 * @param onSiteEvidenceLifetime how long the reader's address seen at sign-in decides on-site
	 * entitlements of refreshed tokens
	 */
	public TokenCustomizer(SigningKeys signingKeys, ReaderAccounts accounts, ResourceAccess resourceAccess,
			PairwiseSubjects subjects, Clock clock, Duration onSiteEvidenceLifetime) {
		this.signingKeys = signingKeys;
		this.readers = new SignedInReaders(accounts);
		this.resourceAccess = resourceAccess;
		this.subjects = subjects;
		this.clock = clock;
		this.onSiteEvidenceLifetime = onSiteEvidenceLifetime;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		SignatureAlgorithm algorithm = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				? this.signingKeys.accessTokenAlgorithm()
				// an ID token: the algorithm the client registered (RS256 unless it chose ES256)
				: context.getRegisteredClient().getTokenSettings().getIdTokenSignatureAlgorithm();
		context.getJwsHeader().algorithm(algorithm).keyId(this.signingKeys.currentKeyId(algorithm));
		ReaderPrincipal principal = (context.getPrincipal() instanceof ReaderAuthenticationToken token)
				? token.getPrincipal() : null;
		if (principal != null) {
			// the same sub in the ID token and the access token, and so at introspection and userinfo
			context.getClaims().subject(this.subjects.subjectFor(context.getRegisteredClient(), principal.subject()));
		}
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			customizeAccessToken(context, principal);
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && principal != null) {
			// a Date, as the stock server reads it back from the stored ID token when it refreshes
			context.getClaims().claim("auth_time", Date.from(principal.authTime()));
			// the SSO session, which RP-initiated and back-channel logout name (OIDC Back-Channel Logout §2.1)
			context.getClaims().claim(SID_CLAIM, principal.sessionId());
			// an account purged since login releases nothing
			signedIn(principal).ifPresent(reader -> ReaderClaims.forIdToken(reader, context.getAuthorizedScopes())
				.forEach((name, value) -> context.getClaims().claim(name, value)));
		}
	}

	private void customizeAccessToken(JwtEncodingContext context, ReaderPrincipal principal) {
		context.getJwsHeader().type("at+jwt");
		context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
		if (!context.getAuthorizedScopes().isEmpty()) {
			// RFC 9068 §2.2.3: one space-separated string, not the JSON array the stock generator writes
			context.getClaims().claim(OAuth2ParameterNames.SCOPE, String.join(" ", context.getAuthorizedScopes()));
		}
		if (principal != null) {
			// NumericDate (seconds), kept so in the stored claims: introspection answers a number too
			context.getClaims().claim("auth_time", principal.authTime().getEpochSecond());
		}
		URI audience = ResourceIndicators.choose(authorizedResources(context.getAuthorization()),
				requestedResources(context.getAuthorizationGrant()));
		Resource resource = (audience != null)
				? this.resourceAccess.resolve(context.getRegisteredClient(), audience) : null;
		if (resource != null) {
			context.getClaims().audience(List.of(resource.audience().toString()));
		}
		if (principal == null) {
			return;
		}
		Optional<SignedInReader> reader = signedIn(principal);
		reader.ifPresent(found -> context.getClaims().claim("acr", found.acr()));
		if (resource != null) {
			Instant now = this.clock.instant();
			context.getClaims()
				.claim(ENTITLEMENTS_CLAIM, reader
					.map(found -> this.resourceAccess.entitlements(found.policyContext(ReaderAddressCapture
						.readerAddress(context.getAuthorization(), now, this.onSiteEvidenceLifetime), now), resource))
					.orElse(List.of()));
		}
	}

	/** The reader as signed in, read once per request; empty when the account was purged since. */
	private Optional<SignedInReader> signedIn(ReaderPrincipal principal) {
		return this.readers.find(principal.accountId());
	}

	private static Set<URI> authorizedResources(OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = (authorization != null)
				? authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		return (request != null) ? ResourceIndicators.parse(request.getAdditionalParameters().get(ResourceIndicators.PARAMETER))
				: Set.of();
	}

	private static Set<URI> requestedResources(Authentication grant) {
		return (grant instanceof OAuth2AuthorizationGrantAuthenticationToken token)
				? ResourceIndicators.parse(token.getAdditionalParameters().get(ResourceIndicators.PARAMETER)) : Set.of();
	}

}
