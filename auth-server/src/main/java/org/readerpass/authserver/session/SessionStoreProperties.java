package org.readerpass.authserver.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where SSO sessions live ({@code readerpass.sessions}). Bound only to refuse, at start-up and with
 * the key, a value that is neither: {@link RedisSessionConfiguration} switches on {@code redis}.
 *
 * @param store {@code memory}: the servlet container's, this node only (the embedded default);
 * {@code redis}: Spring Session with {@link RedisSessionStore}, shared by every node (the
 * production profile)
 */
@ConfigurationProperties("readerpass.sessions")
record SessionStoreProperties(@DefaultValue("memory") Store store) {

	enum Store {

		MEMORY, REDIS

	}

}
