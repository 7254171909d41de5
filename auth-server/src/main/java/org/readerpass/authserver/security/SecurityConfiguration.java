package org.readerpass.authserver.security;

import java.time.Clock;

import org.readerpass.authserver.admin.AdminAccess;
import org.readerpass.authserver.client.ClientAssertionDecoders;
import org.readerpass.authserver.issuer.IssuerProperties;
import org.readerpass.authserver.keys.SigningKeys;
import org.readerpass.authserver.login.ReaderLogin;
import org.readerpass.authserver.login.ReaderSessionCheck;
import org.readerpass.authserver.login.ReaderStillSignedInOnRefresh;
import org.readerpass.authserver.network.ClientAddresses;
import org.readerpass.authserver.network.ReaderAddressCapture;
import org.readerpass.authserver.resource.ResourceAccess;
import org.readerpass.authserver.resource.ResourceRequestValidator;
import org.readerpass.authserver.subject.PairwiseSubjects;
import org.readerpass.authserver.token.ReaderClaims;
import org.readerpass.authserver.token.TokenCustomizer;
import org.readerpass.authserver.token.UserInfoMapper;
import org.readerpass.ldapsync.account.ReaderAccounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2DeviceCodeAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2TokenExchangeAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
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
			PairwiseSubjects subjects, Clock clock) {
		return new TokenCustomizer(signingKeys, accounts, resourceAccess, subjects, clock);
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
			SigningKeys signingKeys, ReaderAccounts accounts, ClientAddresses clientAddresses,
			RegisteredClientRepository registeredClients, ReaderLogin readerLogin,
			OAuth2AuthorizationService authorizations, ResourceAccess resourceAccess,
			ClientAssertionDecoders clientAssertions) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher clientAuthenticated = new OrRequestMatcher(
				paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()));
		RequestMatcher readerFacing = paths.matcher(settings.getAuthorizationEndpoint());
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientAuthenticated)
			// absolute, from the configured issuer: a spoofed Host never chooses where the reader signs in
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(issuer.value() + "/login"),
					readerFacing));
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher());
		http.with(authorizationServer, server -> server
			.authorizationServerMetadataEndpoint(
					metadata -> metadata.authorizationServerMetadataCustomizer(document -> document.claims(AdvertisedMetadata::apply)))
			// one client authentication method per request, and PKCE's syntax, before any client is
			// authenticated (RFC 6749 §2.3, RFC 7636 §4.1)
			.clientAuthentication(clients -> clients
				.authenticationConverters(converters -> {
					// a client assertion may name its client in sub alone (RFC 7523 §3)
					converters.replaceAll(converter -> (converter instanceof JwtClientAssertionAuthenticationConverter)
							? new AssertionClientId(converter) : converter);
					converters.add(0, new PkceVerifierConverter(registeredClients));
					converters.add(0, new OneClientAuthenticationConverter());
				})
				// private_key_jwt with ReaderPass's checks of the assertion and the client's keys
				.authenticationProviders(providers -> providers.replaceAll(
						provider -> (provider instanceof JwtClientAssertionAuthenticationProvider assertions)
								? new PrivateKeyJwtAuthentication(assertions, clientAssertions) : provider)))
			// a client introspects only its own tokens (RFC 7662 §4)
			.tokenIntrospectionEndpoint(introspection -> introspection
				.authenticationProviders(providers -> providers.replaceAll(OwnTokensIntrospection::new)))
			// only the advertised grants: any other answers unsupported_grant_type (RFC 6749 §5.2)
			.tokenEndpoint(token -> token
				.accessTokenRequestConverters(
						converters -> converters.removeIf(converter -> converter instanceof OAuth2DeviceCodeAuthenticationConverter
								|| converter instanceof OAuth2TokenExchangeAuthenticationConverter))
				// a refresh re-checks the reader against the directory as synced
				.authenticationProviders(providers -> providers.replaceAll(
						provider -> (provider instanceof OAuth2RefreshTokenAuthenticationProvider)
								? new ReaderStillSignedInOnRefresh(provider, authorizations, readerLogin) : provider)))
			.authorizationEndpoint(endpoint -> endpoint.errorResponseHandler(new AuthorizationErrorHandler())
				.authenticationProviders(providers -> providers.forEach(provider -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
						codeRequests.setAuthenticationValidator(new RedirectUriFragmentValidator()
							.andThen(new OAuth2AuthorizationCodeRequestAuthenticationValidator())
							.andThen(new PkceChallengeValidator())
							.andThen(new ResourceRequestValidator(resourceAccess)));
					}
				}))
				.authorizationRequestConverters(converters -> converters.replaceAll(
						converter -> (converter instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter)
								? new ReaderAddressCapture(new RequestedScopes(converter, registeredClients), clientAddresses)
								: converter)))
			.oidc(oidc -> oidc
				.providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(metadata -> {
					metadata.claims(AdvertisedMetadata::apply);
					metadata.scopes(scopes -> {
						scopes.clear();
						scopes.addAll(ReaderClaims.SCOPES);
					}).idTokenSigningAlgorithms(algorithms -> {
						algorithms.clear();
						algorithms.add(signingKeys.algorithm().getName());
					}).claim("claims_supported", ReaderClaims.CLAIMS);
				}))
				.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(new UserInfoMapper(accounts)))));
		// userinfo's bearer challenges name this server's metadata from the issuer, not the Host header
		http.oauth2ResourceServer(resourceServer -> resourceServer
			.authenticationEntryPoint(ProtectedResourceMetadata.entryPoint(issuer)));
		// a session whose reader was suspended, expired or purged since ends before any code is issued
		http.addFilterAfter(new ReaderSessionCheck(readerFacing, readerLogin), SecurityContextHolderFilter.class);
		// prompt=none must reach the authorization endpoint without a session, so that it can answer
		// login_required to the client instead of showing a login page (OIDC Core §3.1.2.6).
		http.authorizeHttpRequests(requests -> requests.requestMatchers(new PromptNoneRequestMatcher(readerFacing))
			.permitAll()
			.anyRequest()
			.authenticated());
		return http.build();
	}

	/**
	 * The admin API: stateless, bearer tokens of this server only (signature, {@code at+jwt},
	 * expiry), admin scope and admin identity checked by {@link AdminAccess}. 401 without a valid
	 * token, 403 with a token that is not an admin's.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain adminApi(HttpSecurity http, AdminAccess adminAccess, IssuerProperties issuer) throws Exception {
		http.securityMatcher("/api/admin/**", ProtectedResourceMetadata.PATH);
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
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain readerPages(HttpSecurity http) throws Exception {
		// Reader pages are public: each shows what it shows to whom. Admin pages and the admin API
		// come with chains of their own that require authentication.
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"));
		return http.build();
	}

}
