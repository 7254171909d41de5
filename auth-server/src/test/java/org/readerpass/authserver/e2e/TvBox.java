package org.readerpass.authserver.e2e;

import java.io.IOException;
import java.net.URI;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * A digital-TV box as a stock OAuth client library (nimbus oauth2-oidc-sdk) drives the device
 * authorization grant (RFC 8628): the device authorization request, then token requests with the
 * device code — a public client naming itself by {@code client_id} alone.
 */
final class TvBox {

	static final ClientID DEMO_BOX = new ClientID("zj-tv-box");

	private final OIDCProviderMetadata metadata;

	private final ClientID clientId;

	TvBox(OIDCProviderMetadata metadata, ClientID clientId) {
		this.metadata = metadata;
		this.clientId = clientId;
	}

	TvBox(OIDCProviderMetadata metadata) {
		this(metadata, DEMO_BOX);
	}

	/** Asks for a device code and a user code; {@code scope} may be {@code null}. */
	DeviceAuthorizationResponse start(Scope scope) {
		DeviceAuthorizationRequest request = new DeviceAuthorizationRequest.Builder(this.clientId)
			.endpointURI(this.metadata.getDeviceAuthorizationEndpointURI())
			.scope(scope)
			.build();
		try {
			return DeviceAuthorizationResponse.parse(request.toHTTPRequest().send());
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError("device authorization request failed", ex);
		}
	}

	/** Starts and expects success. */
	DeviceAuthorizationSuccessResponse started() {
		DeviceAuthorizationResponse response = start(null);
		if (!response.indicatesSuccess()) {
			throw new AssertionError("device authorization failed: " + response.toErrorResponse().getErrorObject());
		}
		return response.toSuccessResponse();
	}

	/** One poll of the token endpoint, naming a resource server (RFC 8707) when {@code resource} is set. */
	TokenResponse poll(DeviceCode deviceCode, URI resource) {
		TokenRequest.Builder request = new TokenRequest.Builder(this.metadata.getTokenEndpointURI(), this.clientId,
				new DeviceCodeGrant(deviceCode));
		if (resource != null) {
			request.resource(resource);
		}
		return send(request.build());
	}

	TokenResponse poll(DeviceCode deviceCode) {
		return poll(deviceCode, null);
	}

	/** The error of a poll that failed; fails if it succeeded. */
	ErrorObject pollError(DeviceCode deviceCode) {
		TokenResponse response = poll(deviceCode);
		if (response.indicatesSuccess()) {
			throw new AssertionError("expected an error, got tokens");
		}
		return response.toErrorResponse().getErrorObject();
	}

	/** The tokens of a poll that succeeded; fails otherwise. */
	Tokens tokens(DeviceCode deviceCode, URI resource) {
		TokenResponse response = poll(deviceCode, resource);
		if (!response.indicatesSuccess()) {
			throw new AssertionError("expected tokens, got " + response.toErrorResponse().getErrorObject());
		}
		return response.toSuccessResponse().getTokens();
	}

	/** A refresh, as a public client: {@code client_id} and the refresh token. */
	TokenResponse refresh(RefreshToken refreshToken) {
		return send(new TokenRequest.Builder(this.metadata.getTokenEndpointURI(), this.clientId,
				new RefreshTokenGrant(refreshToken))
			.build());
	}

	private static TokenResponse send(TokenRequest request) {
		try {
			return TokenResponse.parse(request.toHTTPRequest().send());
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError("token request failed", ex);
		}
	}

}
