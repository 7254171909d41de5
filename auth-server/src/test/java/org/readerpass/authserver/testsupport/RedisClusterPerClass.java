package org.readerpass.authserver.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A {@link TestRedisCluster} for one test class: started before its first test, thrown away after
 * its last, with one cluster-mode connection.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RedisClusterPerClass cluster = new RedisClusterPerClass();
 * ... cluster.connections() ...
 * </pre>
 */
public final class RedisClusterPerClass implements BeforeAllCallback, AfterAllCallback {

	private TestRedisCluster cluster;

	private LettuceConnectionFactory connections;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.cluster = TestRedisCluster.start();
		this.connections = this.cluster.connect();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.cluster != null) {
			this.cluster.close();
			this.cluster = null;
			this.connections = null;
		}
	}

	/** The connection to the running cluster. */
	public LettuceConnectionFactory connections() {
		if (this.connections == null) {
			throw new IllegalStateException("the cluster runs only between the class's first and last test");
		}
		return this.connections;
	}

}
