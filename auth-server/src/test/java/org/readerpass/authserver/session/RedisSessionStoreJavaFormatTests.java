package org.readerpass.authserver.session;

/**
 * The contract and the store's own tests with every value in Java serialization
 * ({@code readerpass.redis.session-format=java}, for a rolling upgrade from a release that reads
 * nothing else), on the machine's Redis.
 */
class RedisSessionStoreJavaFormatTests extends RedisSessionStoreTests {

	@Override
	SessionValues values() {
		return SessionValues.java(RedisSessionStore.class.getClassLoader());
	}

}
