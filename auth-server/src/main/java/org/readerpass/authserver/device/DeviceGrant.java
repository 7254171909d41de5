package org.readerpass.authserver.device;

import java.time.Clock;
import java.time.Duration;

import org.readerpass.authserver.abuse.Counters;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2DeviceAuthorizationEndpointConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2DeviceVerificationEndpointConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The device authorization grant (RFC 8628) for TV boxes, as pieces of the authorization server's
 * configuration: the device authorization endpoint (codes, default scopes, the response), public
 * device clients, the polling pace at the token endpoint. The reader's side is the verification
 * page at {@value #VERIFICATION_PATH}; the stock verification endpoint is switched off, so that the
 * page's limit on wrong codes cannot be walked around.
 */
public final class DeviceGrant {

	/** The verification page a TV names ({@code verification_uri}). */
	public static final String VERIFICATION_PATH = "/device";

	/** Where a signed-in reader confirms (or denies) the box. */
	public static final String CONFIRMATION_PATH = "/device/confirm";

	private final DeviceProperties properties;

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final AuthorizationServerSettings settings;

	private final Clock clock;

	private final Counters counters;

	DeviceGrant(DeviceProperties properties, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, AuthorizationServerSettings settings, Clock clock,
			Counters counters) {
		this.properties = properties;
		this.clients = clients;
		this.authorizations = authorizations;
		this.settings = settings;
		this.clock = clock;
		this.counters = counters;
	}

	/**
	 * The device authorization endpoint: device and user codes of {@code readerpass.device.lifetime},
	 * the client's registered scopes when it asks for none, and a response naming the verification
	 * page under the configured issuer with the configured {@code interval}.
	 */
	public Customizer<OAuth2DeviceAuthorizationEndpointConfigurer> authorizationEndpoint() {
		Duration lifetime = this.properties.lifetime();
		return endpoint -> endpoint
			.deviceAuthorizationRequestConverters(converters -> converters.replaceAll(DeviceRequestedScopes::new))
			.authenticationProviders(providers -> providers.forEach(provider -> {
				if (provider instanceof OAuth2DeviceAuthorizationRequestAuthenticationProvider requests) {
					requests.setDeviceCodeGenerator(new DeviceCodes(this.clock, lifetime));
					requests.setUserCodeGenerator(new UserCodes(this.authorizations, this.clock, lifetime));
				}
			}))
			.deviceAuthorizationResponseHandler(new DeviceAuthorizationResponder(
					this.settings.getIssuer() + VERIFICATION_PATH, this.properties.intervalSeconds()));
	}

	/**
	 * The stock verification endpoint ({@code /oauth2/device_verification}) answers 404 to every
	 * request: readers use {@value #VERIFICATION_PATH}, which counts wrong codes.
	 */
	public Customizer<OAuth2DeviceVerificationEndpointConfigurer> stockVerificationEndpointOff() {
		return endpoint -> endpoint.deviceVerificationRequestConverters(converters -> {
			converters.clear();
			converters.add(request -> {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
			});
		})
			.authenticationProviders(providers -> providers.clear())
			.errorResponseHandler((request, response, exception) -> response.sendError(404));
	}

	/** Reads a device client's {@code client_id}-only authentication (see the converter). */
	public AuthenticationConverter clientAuthenticationConverter() {
		return new DeviceClientAuthenticationConverter(this.settings.getDeviceAuthorizationEndpoint(),
				this.settings.getTokenEndpoint(), this.clients);
	}

	/** Authenticates a device client named by {@code client_id} alone. */
	public AuthenticationProvider clientAuthenticationProvider() {
		return new DeviceClientAuthenticationProvider(this.clients);
	}

	/** The token endpoint's device code provider with {@code slow_down} and used codes refused; any other as it is. */
	public AuthenticationProvider polling(AuthenticationProvider provider) {
		return (provider instanceof OAuth2DeviceCodeAuthenticationProvider)
				? new DevicePolling(provider, this.authorizations, this.clock,
						Duration.ofSeconds(this.properties.intervalSeconds()), this.counters)
				: provider;
	}

}
