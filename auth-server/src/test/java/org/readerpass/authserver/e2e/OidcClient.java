package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * A library app as a stock OIDC client library (nimbus oauth2-oidc-sdk) sees the server:
 * discovery, an authorization request with PKCE, the code exchange and ID token validation
 * against the published JWKS.
 */
public final class OidcClient {

	public static final Scope SCOPES = new Scope("openid", "profile", "library");

	private final OIDCProviderMetadata metadata;

	private final Scope scopes;

	private final ClientID clientId;

	private final URI redirectUri;

	/** A new client authentication for each request (an assertion is used once). */
	private final Supplier<ClientAuthentication> authentication;

	private final JWSAlgorithm idTokenAlgorithm;

	private final CodeVerifier verifier;

	private final State state;

	private final Nonce nonce;

	private OidcClient(OIDCProviderMetadata metadata, String clientId, URI redirectUri, String secret,
			JWSAlgorithm idTokenAlgorithm) {
		this(metadata, clientId, redirectUri, secret, SCOPES, idTokenAlgorithm);
	}

	private OidcClient(OIDCProviderMetadata metadata, String clientId, URI redirectUri, String secret, Scope scopes,
			JWSAlgorithm idTokenAlgorithm) {
		this(metadata, new ClientID(clientId), redirectUri,
				(secret != null) ? () -> new ClientSecretBasic(new ClientID(clientId), new Secret(secret)) : null, scopes,
				idTokenAlgorithm);
	}

	private OidcClient(OIDCProviderMetadata metadata, ClientID clientId, URI redirectUri,
			Supplier<ClientAuthentication> authentication, Scope scopes, JWSAlgorithm idTokenAlgorithm) {
		this(metadata, clientId, redirectUri, authentication, scopes, idTokenAlgorithm, new CodeVerifier(), new State(),
				new Nonce());
	}

	private OidcClient(OIDCProviderMetadata metadata, ClientID clientId, URI redirectUri,
			Supplier<ClientAuthentication> authentication, Scope scopes, JWSAlgorithm idTokenAlgorithm,
			CodeVerifier verifier, State state, Nonce nonce) {
		this.scopes = scopes;
		this.idTokenAlgorithm = idTokenAlgorithm;
		this.metadata = metadata;
		this.clientId = clientId;
		this.redirectUri = redirectUri;
		this.authentication = authentication;
		this.verifier = verifier;
		this.state = state;
		this.nonce = nonce;
	}

	/**
	 * The same client, in the middle of the same flow (its PKCE verifier, state and nonce), sending
	 * its next requests to the endpoints of {@code node}: another node behind a load balancer.
	 */
	public OidcClient at(OIDCProviderMetadata node) {
		return new OidcClient(node, this.clientId, this.redirectUri, this.authentication, this.scopes,
				this.idTokenAlgorithm, this.verifier, this.state, this.nonce);
	}

	public static OIDCProviderMetadata discover(URI issuer) {
		try {
			return OIDCProviderMetadata.resolve(new Issuer(issuer));
		}
		catch (IOException | com.nimbusds.oauth2.sdk.GeneralException ex) {
			throw new AssertionError("discovery failed", ex);
		}
	}

	/** The demo mobile app: public client, PKCE; it registered ES256 ID tokens. */
	public static OidcClient mobileApp(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "zj-reader-app", URI.create("http://127.0.0.1:8082/callback"), null,
				JWSAlgorithm.ES256);
	}

	/** The demo web portal: confidential client (secret), PKCE too; ID tokens RS256 (it registered none). */
	public static OidcClient portal(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "sx-portal", URI.create("http://127.0.0.1:8081/login/oauth2/code/readerpass"),
				"sx-portal-demo-secret", JWSAlgorithm.RS256);
	}

	/** The demo vendor's app: a third party's confidential web client, whose readers consent. */
	public static OidcClient vendorApp(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "shuxiang-reader", URI.create("http://127.0.0.1:8084/login/oauth2/code/readerpass"),
				"shuxiang-reader-demo-secret", new Scope("openid", "profile", "email", "phone"), JWSAlgorithm.RS256);
	}

	/** A client that sends only its client_id, as a public client does (here with another client's id). */
	public static OidcClient unauthenticated(OIDCProviderMetadata metadata, String clientId) {
		return new OidcClient(metadata, clientId, URI.create("http://127.0.0.1:8082/callback"), null, JWSAlgorithm.RS256);
	}

	/** The demo admin console: confidential web client allowed the admin scope; ID tokens RS256. */
	public static OidcClient adminConsole(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "zj-admin-console", URI.create("http://127.0.0.1:8083/login/oauth2/code/readerpass"),
				"zj-admin-console-demo-secret", new Scope("openid", "readerpass.admin"), JWSAlgorithm.RS256);
	}

	/**
	 * The demo vendor's web app: authenticates with {@code private_key_jwt}, an assertion signed with
	 * its demo key ({@link DemoKeys#VENDOR_EBOOKS}), built by the stock client library.
	 */
	public static OidcClient vendorEbooks(OIDCProviderMetadata metadata) {
		ClientID clientId = new ClientID("vendor-ebooks");
		ECKey key = DemoKeys.vendorEbooks();
		return new OidcClient(metadata, clientId, URI.create("http://127.0.0.1:8084/login/oauth2/code/readerpass"),
				() -> privateKeyJwt(clientId, metadata.getTokenEndpointURI(), key), SCOPES, JWSAlgorithm.RS256);
	}

	/** The same vendor's mobile app: public client, PKCE, the same pairwise sector as its web app. */
	public static OidcClient vendorEbooksApp(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "vendor-ebooks-app", URI.create("http://127.0.0.1:8085/callback"), null,
				new Scope("openid", "profile"), JWSAlgorithm.RS256);
	}

	/** Another vendor's web app: client secret, a pairwise sector of its own. */
	public static OidcClient vendorJournals(OIDCProviderMetadata metadata) {
		return new OidcClient(metadata, "vendor-journals",
				URI.create("https://journals.vendor.example/login/oauth2/code/readerpass"), "vendor-journals-demo-secret",
				new Scope("openid", "profile"), JWSAlgorithm.RS256);
	}

	private static ClientAuthentication privateKeyJwt(ClientID clientId, URI tokenEndpoint, ECKey key) {
		try {
			return new PrivateKeyJWT(clientId, tokenEndpoint, JWSAlgorithm.ES256, key.toECPrivateKey(), key.getKeyID(),
					null);
		}
		catch (JOSEException ex) {
			throw new AssertionError("cannot sign a client assertion", ex);
		}
	}

	/** The server's metadata this client uses. */
	public OIDCProviderMetadata metadata() {
		return this.metadata;
	}

	public URI authorizationRequest() {
		return authorizationRequest(null);
	}

	public URI authorizationRequest(String prompt) {
		AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, this.scopes,
				this.clientId, this.redirectUri)
			.endpointURI(this.metadata.getAuthorizationEndpointURI())
			.state(this.state)
			.nonce(this.nonce)
			.codeChallenge(this.verifier, CodeChallengeMethod.S256);
		if (prompt != null) {
			request.prompt(new Prompt(prompt));
		}
		return request.build().toURI();
	}

	public State state() {
		return this.state;
	}

	/** Parses the redirect the app received, checking {@code state}. */
	public AuthorizationResponse parseRedirect(String location) {
		try {
			AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location));
			if (!this.state.equals(response.getState())) {
				throw new AssertionError("state mismatch in " + location);
			}
			return response;
		}
		catch (ParseException ex) {
			throw new AssertionError("not an authorization response: " + location, ex);
		}
	}

	public OIDCTokenResponse exchange(String location) {
		AuthorizationResponse response = parseRedirect(location);
		if (!response.indicatesSuccess()) {
			throw new AssertionError("authorization failed: " + response.toErrorResponse().getErrorObject());
		}
		AuthorizationCode code = ((AuthorizationSuccessResponse) response).getAuthorizationCode();
		AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, this.redirectUri, this.verifier);
		TokenRequest request = (this.authentication != null)
				? new TokenRequest(this.metadata.getTokenEndpointURI(), this.authentication.get(), grant)
				: new TokenRequest(this.metadata.getTokenEndpointURI(), this.clientId, grant);
		try {
			TokenResponse tokenResponse = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
			if (!tokenResponse.indicatesSuccess()) {
				throw new AssertionError("token request failed: " + tokenResponse.toErrorResponse().getErrorObject());
			}
			return (OIDCTokenResponse) tokenResponse.toSuccessResponse();
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError("token request failed", ex);
		}
	}

	/** Refreshes as a stock client does (RFC 6749 §6): the client's secret, or its client_id alone. */
	public TokenResponse refresh(String refreshToken) {
		RefreshTokenGrant grant = new RefreshTokenGrant(new RefreshToken(refreshToken));
		TokenRequest request = (this.authentication != null)
				? new TokenRequest(this.metadata.getTokenEndpointURI(), this.authentication.get(), grant)
				: new TokenRequest(this.metadata.getTokenEndpointURI(), this.clientId, grant);
		try {
			return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError("refresh request failed", ex);
		}
	}

	/**
	 * Validates the ID token as a stock client does: its signature with the algorithm the client
	 * registered (against the JWKS), issuer, audience, expiry and nonce.
	 */
	public IDTokenClaimsSet validate(OIDCTokenResponse tokens) {
		try {
			URL jwks = this.metadata.getJWKSetURI().toURL();
			IDTokenValidator validator = new IDTokenValidator(this.metadata.getIssuer(), this.clientId,
					this.idTokenAlgorithm, jwks);
			return validator.validate(tokens.getOIDCTokens().getIDToken(), this.nonce);
		}
		catch (Exception ex) {
			throw new AssertionError("ID token did not validate", ex);
		}
	}

}
