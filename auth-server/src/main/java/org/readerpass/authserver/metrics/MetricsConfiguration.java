package org.readerpass.authserver.metrics;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Request latencies ({@code http.server.requests}, with the SLO buckets of application.yml) with
 * every protocol endpoint named. The meters of logins, tokens and OAuth2 errors are counted where
 * they happen: {@code login.LoginMetrics}, {@code security.ProtocolMetrics}.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	ServerRequestObservationConvention protocolRequestObservations(AuthorizationServerSettings settings) {
		return new ProtocolRequestObservations(Set.of(settings.getAuthorizationEndpoint(), settings.getTokenEndpoint(),
				settings.getJwkSetEndpoint(), settings.getTokenIntrospectionEndpoint(),
				settings.getTokenRevocationEndpoint(), settings.getDeviceAuthorizationEndpoint(),
				settings.getDeviceVerificationEndpoint(), settings.getOidcUserInfoEndpoint(),
				settings.getOidcLogoutEndpoint(), "/.well-known/openid-configuration",
				"/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource", "/logout"));
	}

}
