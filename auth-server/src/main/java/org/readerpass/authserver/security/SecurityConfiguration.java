package org.readerpass.authserver.security;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.readerpass.authserver.abuse.ClientRateLimitFilter;
import org.readerpass.authserver.admin.AdminAccess;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.authorization.AuthorizationStore;
import org.readerpass.authserver.authorization.RefreshRotation;
import org.readerpass.authserver.authorization.TokenIntrospection;
import org.readerpass.authserver.authorization.TokenRevocation;
import org.readerpass.authserver.device.DeviceGrant;
import org.readerpass.authserver.client.ClientAssertionDecoders;
import org.readerpass.authserver.consent.ConsentsWhereRequired;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.readerpass.authserver.keys.SigningKeys;
import org.readerpass.authserver.login.LoginPageEntryPoint;
import org.readerpass.authserver.login.ReaderLogin;
import org.readerpass.authserver.login.ReaderSessionCheck;
import org.readerpass.authserver.login.ReaderStillSignedInOnRefresh;
import org.readerpass.authserver.login.SavedReaderRequests;
import org.readerpass.authserver.network.ClientAddresses;
import org.readerpass.authserver.network.NetworkProperties;
import org.readerpass.authserver.network.ReaderAddressCapture;
import org.readerpass.authserver.resource.ResourceAccess;
import org.readerpass.authserver.resource.ResourceRequestValidator;
import org.readerpass.authserver.session.IdTokenHintValidator;
import org.readerpass.authserver.session.IdTokenHints;
import org.readerpass.authserver.session.RpInitiatedLogout;
import org.readerpass.authserver.session.SessionLogout;
import org.readerpass.authserver.subject.PairwiseSubjects;
import org.readerpass.authserver.token.ReaderClaims;
import org.readerpass.authserver.token.TokenCustomizer;
import org.readerpass.authserver.token.UserInfoMapper;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2TokenExchangeAuthenticationConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the OAuth2 / OIDC protocol endpoints, and the reader-facing pages (login,
 * home, errors).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	@Bean
	TokenCustomizer tokenCustomizer(SigningKeys signingKeys, ReaderAccounts accounts, ResourceAccess resourceAccess,
			PairwiseSubjects subjects, Clock clock, NetworkProperties network) {
		return new TokenCustomizer(signingKeys, accounts, resourceAccess, subjects, clock,
				network.onSiteEvidenceLifetime());
	}

	/**
	 * No Spring Security observations: with Actuator's ObservationRegistry it would wrap every
	 * filter of every chain, a quarter of the token endpoint's CPU (JFR). Requests are measured
	 * once, as {@code http.server.requests}; authentications are counted by {@code ProtocolMetrics}.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Parameters the container cannot decode are a 400 before any filter reads them (issue 11). */
	@Bean
	FilterRegistrationBean<MalformedParameters> malformedParameters() {
		FilterRegistrationBean<MalformedParameters> registration = new FilterRegistrationBean<>(new MalformedParameters());
		// after the character encoding filter (HIGHEST_PRECEDENCE): parameters are decoded as UTF-8
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Bearer tokens in the header only, and two ways at once refused (userinfo, admin API). */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		return new OneBearerTokenResolver();
	}

	/** The configured issuer: never derived from a request's {@code Host} or forwarding headers. */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(IssuerProperties issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer.value()).build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, AuthorizationServerSettings settings, IssuerProperties issuer,
			ReaderAccounts accounts, ClientAddresses clientAddresses,
			RegisteredClientRepository registeredClients, ReaderLogin readerLogin, AuthorizationStore authorizations,
			JwtDecoder accessTokens, SecurityEvents securityEvents, ResourceAccess resourceAccess, Clock clock,
			IdTokenHints idTokenHints, SessionLogout sessionLogout, DeviceGrant device,
			ClientAssertionDecoders clientAssertions, PairwiseSubjects subjects, ClientRateLimitFilter clientRates,
			MeterRegistry meters, SavedReaderRequests savedRequests, OAuth2AuthorizationConsentService consents)
			throws Exception {
		ProtocolMetrics metrics = new ProtocolMetrics(meters);
		Map<String, String> endpoints = ProtocolMetrics.endpoints(settings);
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher clientAuthenticated = new OrRequestMatcher(
				paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()));
		RequestMatcher readerFacing = paths.matcher(settings.getAuthorizationEndpoint());
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(metrics.countingMissingClient(endpoints, new InvalidClientEntryPoint()),
					clientAuthenticated)
			// the login page at once, at the request's URL (a GET); any other method is redirected to it,
			// absolute from the configured issuer: a spoofed Host never chooses where the reader signs in
			.defaultAuthenticationEntryPointFor(new LoginPageEntryPoint(issuer.value()), readerFacing));
		// the authorization request the login page interrupts: its URL only (SavedReaderRequests)
		http.requestCache(cache -> cache.requestCache(savedRequests));
		// the authorization and device verification providers read a reader's consent on every
		// request, also to an app that needs none (ConsentsWhereRequired)
		http.setSharedObject(OAuth2AuthorizationConsentService.class, new ConsentsWhereRequired(consents, registeredClients));
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher());
		http.with(authorizationServer, server -> server
			.authorizationServerMetadataEndpoint(
					metadata -> metadata.authorizationServerMetadataCustomizer(document -> document.claims(AdvertisedMetadata::apply)))
			// one client authentication method per request, and PKCE's syntax, before any client is
			// authenticated (RFC 6749 §2.3, RFC 7636 §4.1)
			.clientAuthentication(clients -> clients
				.errorResponseHandler(metrics.clientAuthenticationFailures(endpoints))
				.authenticationConverters(converters -> {
					// a client assertion may name its client in sub alone (RFC 7523 §3)
					converters.replaceAll(converter -> (converter instanceof JwtClientAssertionAuthenticationConverter)
							? new AssertionClientId(converter) : converter);
					converters.add(0, new PkceVerifierConverter(registeredClients));
					converters.add(0, new OneClientAuthenticationConverter());
					converters.add(0, new SingleValuedParameters());
					// a public client refreshes and revokes by client_id alone; a TV box also asks for a
					// device code so (RFC 8628 §3.1)
					converters.add(new PublicClientIdentification.Converter(settings.getTokenRevocationEndpoint()));
					converters.add(device.clientAuthenticationConverter());
				})
				.authenticationProviders(providers -> {
					// private_key_jwt with ReaderPass's checks of the assertion and the client's keys
					providers.replaceAll(provider -> (provider instanceof JwtClientAssertionAuthenticationProvider assertions)
							? new PrivateKeyJwtAuthentication(assertions, clientAssertions) : provider);
					providers.add(0, new PublicClientIdentification.Provider(registeredClients));
					providers.add(0, device.clientAuthenticationProvider());
				}))
			// TV boxes (RFC 8628): readers confirm on the verification page, not the stock endpoint
			.deviceAuthorizationEndpoint(device.authorizationEndpoint())
			.deviceVerificationEndpoint(device.stockVerificationEndpointOff())
			// the truth for every token issued, client credentials included; a client introspects
			// only its own tokens (RFC 7662 §2.2, §4)
			.tokenIntrospectionEndpoint(introspection -> introspection
				.authenticationProviders(providers -> providers.replaceAll(provider -> new OwnTokensIntrospection(
						new TokenIntrospection(authorizations, accessTokens, registeredClients)))))
			// refresh tokens revoke their family, access tokens go on the revocation list (RFC 7009)
			.tokenRevocationEndpoint(revocation -> revocation.authenticationProviders(
					providers -> providers.replaceAll(provider -> new TokenRevocation(authorizations, accessTokens))))
			// token and error responses counted (ProtocolMetrics), then sent as by default
			.tokenEndpoint(token -> token
				.accessTokenResponseHandler(metrics.countingIssued(new OAuth2AccessTokenResponseAuthenticationSuccessHandler()))
				.errorResponseHandler(metrics.countingErrors("token", new OAuth2ErrorAuthenticationFailureHandler()))
				// only the advertised grants: any other answers unsupported_grant_type (RFC 6749 §5.2)
				.accessTokenRequestConverters(
						converters -> converters.removeIf(converter -> converter instanceof OAuth2TokenExchangeAuthenticationConverter))
				// a refresh token is used once, a replay revokes its family; a refresh re-checks the
				// reader against the directory as synced; a box polling too fast is told to slow down,
				// one polling with a used device code gets invalid_grant
				.authenticationProviders(providers -> providers.replaceAll(
						provider -> (provider instanceof OAuth2RefreshTokenAuthenticationProvider)
								? new RefreshRotation(new ReaderStillSignedInOnRefresh(provider, authorizations, readerLogin),
										authorizations, securityEvents)
								: device.polling(provider))))
			.authorizationEndpoint(endpoint -> endpoint
				.errorResponseHandler(metrics.countingErrors("authorize", new AuthorizationErrorHandler()))
				// absolute, from the configured issuer (a relative one would be resolved against Host)
				.consentPage(issuer.value() + "/oauth2/consent")
				.authenticationProviders(providers -> providers.forEach(provider -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
						codeRequests.setAuthenticationValidator(new RedirectUriFragmentValidator()
							.andThen(new StateLengthValidator())
							.andThen(new OAuth2AuthorizationCodeRequestAuthenticationValidator())
							.andThen(new PkceChallengeValidator())
							.andThen(new IdTokenHintValidator(idTokenHints, subjects))
							.andThen(new ResourceRequestValidator(resourceAccess)));
					}
				}))
				.authorizationRequestConverters(converters -> converters.replaceAll(
						converter -> (converter instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter)
								? new ReaderAddressCapture(new RequestedScopes(converter, registeredClients), clientAddresses, clock)
								: converter)))
			.oidc(oidc -> oidc
				.providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(metadata -> {
					metadata.claims(AdvertisedMetadata::apply);
					metadata.scopes(scopes -> {
						scopes.clear();
						scopes.addAll(ReaderClaims.SCOPES);
					}).idTokenSigningAlgorithms(algorithms -> {
						algorithms.clear();
						SigningKeys.ID_TOKEN_ALGORITHMS.forEach(algorithm -> algorithms.add(algorithm.getName()));
					}).claim("claims_supported", ReaderClaims.CLAIMS);
				}))
				.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(new UserInfoMapper(accounts)))
				// RP-initiated logout: the hint checked by signature (expired ones too), the session
				// ended with its authorizations, apps told over the back channel
				.logoutEndpoint(logout -> logout
					.authenticationProviders(providers -> providers.replaceAll(
							provider -> new RpInitiatedLogout(idTokenHints, registeredClients)))
					.logoutResponseHandler(logoutResponse(sessionLogout)))));
		// userinfo's bearer challenges name this server's metadata from the issuer, not the Host header
		http.oauth2ResourceServer(resourceServer -> resourceServer
			.authenticationEntryPoint(ProtectedResourceMetadata.entryPoint(issuer)));
		// a session whose reader was suspended, expired or purged since ends before any code is issued
		http.addFilterAfter(new ReaderSessionCheck(readerFacing, readerLogin), SecurityContextHolderFilter.class);
		// token requests per client (readerpass.abuse.rates.token-per-client): after the client has
		// authenticated, before the token endpoint (both are the authorization server's)
		http.addFilterBefore(clientRates, AuthorizationFilter.class);
		// prompt=none must reach the authorization endpoint without a session, so that it can answer
		// login_required to the client instead of showing a login page (OIDC Core §3.1.2.6).
		http.authorizeHttpRequests(requests -> requests.requestMatchers(new PromptNoneRequestMatcher(readerFacing))
			.permitAll()
			// switched off (DeviceGrant): not found, signed in or not
			.requestMatchers(paths.matcher(settings.getDeviceVerificationEndpoint()))
			.permitAll()
			.anyRequest()
			.authenticated());
		SecurityHeaders.apply(http, issuer);
		return http.build();
	}

	/**
	 * The admin API and its OpenAPI description: stateless, bearer tokens of this server only (signature, {@code at+jwt},
	 * expiry), admin scope and admin identity checked by {@link AdminAccess}. 401 without a valid
	 * token, 403 with a token that is not an admin's.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain adminApi(HttpSecurity http, AdminAccess adminAccess, IssuerProperties issuer) throws Exception {
		// the OpenAPI description is the admin API's too: admins only (issue 11)
		http.securityMatcher("/api/admin/**", "/v3/api-docs", "/v3/api-docs/**", ProtectedResourceMetadata.PATH);
		http.authorizeHttpRequests(requests -> requests.requestMatchers(ProtectedResourceMetadata.PATH)
			.permitAll()
			.anyRequest()
			.access(adminAccess));
		http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
			.authenticationEntryPoint(ProtectedResourceMetadata.entryPoint(issuer))
			.protectedResourceMetadata(metadata -> metadata
				.protectedResourceMetadataCustomizer(document -> ProtectedResourceMetadata.describe(document, issuer))));
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf(csrf -> csrf.disable()); // no cookies: a bearer token cannot be sent cross-site by a browser
		SecurityHeaders.apply(http, issuer);
		return http.build();
	}

	/**
	 * The reader pages. They are public — each shows what it shows to whom — but for the TV box
	 * confirmation, which needs a signed-in reader (the login page, from the configured issuer, then
	 * back) whose account may still sign in. Admin pages and the admin API come with chains of
	 * their own that require authentication.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain readerPages(HttpSecurity http, IssuerProperties issuer, ReaderLogin readerLogin,
			SessionLogout sessionLogout, SavedReaderRequests savedRequests) throws Exception {
		RequestMatcher confirmation = PathPatternRequestMatcher.withDefaults().matcher(DeviceGrant.CONFIRMATION_PATH);
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers(confirmation).authenticated().anyRequest().permitAll());
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginPageEntryPoint(issuer.value()), confirmation));
		http.requestCache(cache -> cache.requestCache(savedRequests));
		http.addFilterAfter(new ReaderSessionCheck(confirmation, readerLogin), SecurityContextHolderFilter.class);
		// the reader's own sign-out ends the SSO session as RP-initiated logout does
		http.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(sessionLogout).logoutSuccessUrl("/"));
		SecurityHeaders.apply(http, issuer);
		return http.build();
	}

	private static OidcLogoutAuthenticationSuccessHandler logoutResponse(SessionLogout sessionLogout) {
		OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
		handler.setLogoutHandler(sessionLogout);
		return handler;
	}

}
