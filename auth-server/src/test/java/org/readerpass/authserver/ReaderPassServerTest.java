package org.readerpass.authserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole server on a random port over real HTTP, on the embedded demo network, with an
 * in-memory database. Test classes sharing this annotation share one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:readerpass-server-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY,
				"readerpass.subject.pairwise-key=" + ReaderPassServerTest.TEST_PAIRWISE_KEY,
				// the tests' HTTP client plays the reverse proxy (loopback); see PolicyTokenTests
				"readerpass.network.trusted-proxies[0]=127.0.0.1/32",
				// hundreds of logins from one address, many wrong on purpose and at once (ConcurrentLoginTests):
				// the login throttle is tested on a server of its own (e2e.ThrottlingTests)
				"readerpass.abuse.login.account.free-failures=1000", "readerpass.abuse.login.account.lock-after=1000",
				"readerpass.abuse.login.address.free-failures=1000", "readerpass.abuse.login.address.lock-after=1000",
				"readerpass.abuse.rates.login=0" })
public @interface ReaderPassServerTest {

	/** 32 bytes, base64: a test-only key-encryption key. */
	String TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

	/** A test-only key for pairwise subjects (at least 32 characters). */
	String TEST_PAIRWISE_KEY = "test-only-pairwise-subject-key-0123456789";

}
