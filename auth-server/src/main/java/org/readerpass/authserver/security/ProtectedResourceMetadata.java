package org.readerpass.authserver.security;

import org.readerpass.authserver.issuer.IssuerProperties;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;

/**
 * This server as a protected resource (userinfo, the admin API; RFC 9728): the metadata document
 * and the {@code resource_metadata} its bearer challenges name, both from the configured issuer —
 * the stock ones build them from the request's {@code Host} header.
 */
final class ProtectedResourceMetadata {

	/** Where the metadata is served (RFC 9728 §3), relative to the server. */
	static final String PATH = "/.well-known/oauth-protected-resource";

	private ProtectedResourceMetadata() {
	}

	/** A bearer challenge naming this server's metadata (RFC 9728 §5.1). */
	static BearerTokenAuthenticationEntryPoint entryPoint(IssuerProperties issuer) {
		BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
		entryPoint.setResourceMetadataParameterResolver((request) -> issuer.value() + PATH);
		return entryPoint;
	}

	/** The document: this server, protected by itself, bearer tokens in the header only. */
	static void describe(OAuth2ProtectedResourceMetadata.Builder metadata, IssuerProperties issuer) {
		metadata.resource(issuer.value());
		metadata.authorizationServers((servers) -> {
			servers.clear();
			servers.add(issuer.value());
		});
		metadata.bearerMethods((methods) -> {
			methods.clear();
			methods.add("header");
		});
	}

}
