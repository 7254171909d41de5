package org.readerpass.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.readerpass.authserver.client.ClientProperties.AuthMethod;
import org.readerpass.authserver.client.ClientProperties.ClientParty;
import org.readerpass.authserver.client.ClientProperties.ClientType;
import org.readerpass.authserver.client.ClientProperties.Jwks;
import org.readerpass.authserver.client.ClientProperties.Registration;
import org.readerpass.authserver.client.ClientProperties.SubjectType;

/** Client registrations for tests: a well-formed one of each type, changed one field at a time. */
final class TestRegistrations {

	static final String SECRET_HASH = new ClientSecretHasher().encode("s");

	private String clientId = "app";

	private ClientType type;

	private String secretHash;

	private List<URI> redirectUris = List.of();

	private Set<String> scopes;

	private AuthMethod tokenEndpointAuthMethod;

	private Jwks jwks;

	private URI jwksUri;

	private SubjectType subjectType = SubjectType.PUBLIC;

	private String sectorIdentifier;

	private Duration accessTokenTtl = Duration.ofMinutes(10);

	private List<URI> postLogoutRedirectUris = List.of();

	private URI backchannelLogoutUri;

	private ClientParty party = ClientParty.FIRST_PARTY;

	private String operator;

	private String idTokenSignedResponseAlg;

	private TestRegistrations(ClientType type, String secretHash, List<URI> redirectUris, Set<String> scopes) {
		this.type = type;
		this.secretHash = secretHash;
		this.redirectUris = redirectUris;
		this.scopes = scopes;
	}

	/** A confidential web app with a secret, one https redirect URI, {@code openid}. */
	static TestRegistrations web() {
		return new TestRegistrations(ClientType.WEB, SECRET_HASH, List.of(URI.create("https://portal.example/cb")),
				Set.of("openid"));
	}

	/** A public mobile app: a private-use scheme and a loopback redirect URI. */
	static TestRegistrations nativeApp() {
		return new TestRegistrations(ClientType.NATIVE, null,
				List.of(URI.create("cn.zjlib.reader:/cb"), URI.create("http://127.0.0.1:8082/cb")), Set.of("openid"));
	}

	/** A back-end service with a secret. */
	static TestRegistrations service() {
		return new TestRegistrations(ClientType.SERVICE, SECRET_HASH, List.of(), Set.of("usage.write"));
	}

	/** A TV box: public, no redirect URI, no openid. */
	static TestRegistrations device() {
		return new TestRegistrations(ClientType.DEVICE, null, List.of(), Set.of("library"));
	}

	TestRegistrations accessTokenTtl(Duration accessTokenTtl) {
		this.accessTokenTtl = accessTokenTtl;
		return this;
	}

	TestRegistrations postLogoutRedirectUris(URI... uris) {
		this.postLogoutRedirectUris = List.of(uris);
		return this;
	}

	TestRegistrations backchannelLogoutUri(String uri) {
		this.backchannelLogoutUri = URI.create(uri);
		return this;
	}

	/** A third party's app, run by this operator. */
	TestRegistrations thirdParty(String operator) {
		this.party = ClientParty.THIRD_PARTY;
		this.operator = operator;
		return this;
	}

	TestRegistrations idTokenSignedResponseAlg(String algorithm) {
		this.idTokenSignedResponseAlg = algorithm;
		return this;
	}

	TestRegistrations clientId(String clientId) {
		this.clientId = clientId;
		return this;
	}

	TestRegistrations secretHash(String secretHash) {
		this.secretHash = secretHash;
		return this;
	}

	TestRegistrations redirectUris(URI... redirectUris) {
		this.redirectUris = List.of(redirectUris);
		return this;
	}

	TestRegistrations scopes(String... scopes) {
		this.scopes = Set.of(scopes);
		return this;
	}

	TestRegistrations tokenEndpointAuthMethod(AuthMethod method) {
		this.tokenEndpointAuthMethod = method;
		return this;
	}

	TestRegistrations jwks(Jwks jwks) {
		this.jwks = jwks;
		return this;
	}

	TestRegistrations jwksUri(String jwksUri) {
		this.jwksUri = URI.create(jwksUri);
		return this;
	}

	/** Pairwise subjects, the sector from the redirect URIs unless {@link #sectorIdentifier(String)}. */
	TestRegistrations pairwise() {
		this.subjectType = SubjectType.PAIRWISE;
		return this;
	}

	TestRegistrations sectorIdentifier(String sectorIdentifier) {
		this.sectorIdentifier = sectorIdentifier;
		return this;
	}

	/** private_key_jwt with the given inline keys and no secret. */
	TestRegistrations privateKeyJwt(Jwks jwks) {
		return tokenEndpointAuthMethod(AuthMethod.PRIVATE_KEY_JWT).secretHash(null).jwks(jwks);
	}

	Registration build() {
		return new Registration(this.clientId, "App", this.type, this.secretHash, this.redirectUris, this.scopes,
				this.accessTokenTtl, Set.of(), this.postLogoutRedirectUris, this.backchannelLogoutUri, this.party,
				this.operator, null, this.idTokenSignedResponseAlg, this.tokenEndpointAuthMethod, this.jwks, this.jwksUri,
				this.subjectType, this.sectorIdentifier);
	}

}
