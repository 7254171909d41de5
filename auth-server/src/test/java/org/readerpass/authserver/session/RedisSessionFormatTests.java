package org.readerpass.authserver.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade signs nobody out: what the stock {@link RedisSessionRepository} wrote —
 * made by Spring Boot's {@code SessionDataRedisAutoConfiguration} exactly as the production
 * profile made it before, with the same namespace and timeout — {@link RedisSessionStore} reads,
 * and the other way round; a session the store rewrites holds byte for byte what the stock
 * repository wrote. On the machine's Redis ({@link TestRedis}), under a prefix of each test's own.
 */
class RedisSessionFormatTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(45);

	private static final RedisScript<Long> EXPIRE_TIME = RedisScript.of("return redis.call('PEXPIRETIME', KEYS[1])",
			Long.class);

	private static LettuceConnectionFactory connections;

	private final String prefix = TestRedis.uniquePrefix();

	private final String namespace = this.prefix + "session";

	@BeforeAll
	static void connect() {
		connections = TestRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@AfterEach
	void deleteKeys() {
		TestRedisKeys.deleteAll(connections, this.prefix);
	}

	@Test
	void findByIdWhenTheStockRepositoryWroteTheSessionThenEverythingIsRead() {
		withStock((stock, store) -> {
			Session written = stock.createSession();
			SecurityContextImpl signedIn = RedisSessionStoreContractTests.signedIn("reader-1");
			written.setAttribute("SPRING_SECURITY_CONTEXT", signedIn);
			written.setAttribute("CSRF_TOKEN", "token-1");
			written.setAttribute("removed", "x");
			assertThat(written.getMaxInactiveInterval()).as("the timeout as Spring Boot sets it").isEqualTo(TIMEOUT);
			stock.save(written);
			Session again = stock.findById(written.getId());
			again.removeAttribute("removed");
			again.setMaxInactiveInterval(Duration.ofMinutes(50));
			stock.save(again);
			assertThat(hash(written.getId())).as("the stock repository marks a removed attribute by an empty value")
				.containsKey("sessionAttr:removed");

			RedisSessionStore.RedisSession read = store.findById(written.getId());

			assertThat(read).isNotNull();
			assertThat(read.getAttributeNames()).containsExactlyInAnyOrder("SPRING_SECURITY_CONTEXT", "CSRF_TOKEN");
			assertThat(read.<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo(signedIn);
			assertThat(read.<String>getAttribute("CSRF_TOKEN")).isEqualTo("token-1");
			assertThat(read.getCreationTime()).isEqualTo(again.getCreationTime());
			assertThat(read.getLastAccessedTime()).isEqualTo(again.getLastAccessedTime());
			assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(50));
		});
	}

	@Test
	void findByIdWhenTheStoreWroteTheSessionThenTheStockRepositoryReadsEverything() {
		withStock((stock, store) -> {
			RedisSessionStore.RedisSession written = store.createSession();
			SecurityContextImpl signedIn = RedisSessionStoreContractTests.signedIn("reader-1");
			written.setAttribute("CSRF_TOKEN", "token-1");
			written.setAttribute("removed", "x");
			store.save(written);
			RedisSessionStore.RedisSession again = store.findById(written.getId());
			again.changeSessionId();
			again.setAttribute("SPRING_SECURITY_CONTEXT", signedIn);
			again.removeAttribute("removed");
			store.save(again);

			Session read = stock.findById(again.getId());

			assertThat(read).isNotNull();
			assertThat(stock.findById(written.getId())).isNull();
			assertThat(read.getAttributeNames()).containsExactlyInAnyOrder("SPRING_SECURITY_CONTEXT", "CSRF_TOKEN");
			assertThat(read.<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo(signedIn);
			assertThat(read.getCreationTime()).isEqualTo(again.getCreationTime());
			assertThat(read.getLastAccessedTime()).isEqualTo(again.getLastAccessedTime());
			assertThat(read.getMaxInactiveInterval()).isEqualTo(TIMEOUT);

			read.setAttribute("CSRF_TOKEN", "token-2");
			stock.save(read);
			assertThat(store.findById(read.getId()).<String>getAttribute("CSRF_TOKEN")).as("and back")
				.isEqualTo("token-2");
		});
	}

	@Test
	void changeSessionIdWhenTheStockRepositoryWroteTheSessionThenTheNewHashIsByteForByteTheStockOne() {
		withStock((stock, store) -> {
			Session written = stock.createSession();
			written.setAttribute("SPRING_SECURITY_CONTEXT", RedisSessionStoreContractTests.signedIn("reader-1"));
			written.setAttribute("count", 7);
			stock.save(written);
			Map<String, String> stockHash = hash(written.getId());
			long stockExpiry = expiry(written.getId());

			RedisSessionStore.RedisSession moved = store.findById(written.getId());
			moved.changeSessionId();
			store.save(moved);

			assertThat(hash(moved.getId())).isEqualTo(stockHash);
			assertThat(expiry(moved.getId())).isEqualTo(stockExpiry);
		});
	}

	@Test
	void keyWhenBothWriteThenSameNamespaceAndFieldNames() {
		withStock((stock, store) -> {
			Session byStock = stock.createSession();
			byStock.setAttribute("a", "1");
			stock.save(byStock);
			RedisSessionStore.RedisSession byStore = store.createSession();
			byStore.setAttribute("a", "1");
			store.save(byStore);

			assertThat(TestRedisKeys.contents(connections, this.prefix).keySet()).containsExactlyInAnyOrder(
					this.namespace + ":sessions:" + byStock.getId(), this.namespace + ":sessions:" + byStore.getId());
			assertThat(hash(byStore.getId()).keySet()).isEqualTo(hash(byStock.getId()).keySet())
				.containsExactlyInAnyOrder("creationTime", "lastAccessedTime", "maxInactiveInterval", "sessionAttr:a");
		});
	}

	/**
	 * The stock repository as Spring Boot makes it (the production profile before this store),
	 * and the store on the same Redis, namespace and timeout.
	 */
	private void withStock(BiConsumer<SessionRepository<Session>, RedisSessionStore> test) {
		URIParts redis = URIParts.of(System.getenv().getOrDefault(TestRedis.URL_ENV, TestRedis.LOCAL_URL));
		new WebApplicationContextRunner(AnnotationConfigServletWebApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, SessionAutoConfiguration.class,
					SessionDataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
					"spring.session.data.redis.repository-type=default",
					"spring.session.data.redis.namespace=" + this.namespace,
					"spring.session.data.redis.flush-mode=on-save",
					"spring.session.data.redis.save-mode=on-set-attribute",
					"server.servlet.session.timeout=" + TIMEOUT.toMinutes() + "m")
			.run(context -> {
				assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
				assertThat(context).getBean(SessionRepository.class).isInstanceOf(RedisSessionRepository.class);
				@SuppressWarnings({ "unchecked", "rawtypes" })
				SessionRepository<Session> stock = (SessionRepository) context.getBean(SessionRepository.class);
				test.accept(stock, new RedisSessionStore(connections, this.namespace, TIMEOUT,
						SaveMode.ON_SET_ATTRIBUTE, FlushMode.ON_SAVE));
			});
	}

	/** Every field with its value's bytes (ISO-8859-1, so that equal strings mean equal bytes). */
	private Map<String, String> hash(String id) {
		try (RedisConnection connection = connections.getConnection()) {
			Map<String, String> hash = new TreeMap<>();
			connection.hashCommands()
				.hGetAll(key(id))
				.forEach((field, value) -> hash.put(new String(field, StandardCharsets.UTF_8),
						new String(value, StandardCharsets.ISO_8859_1)));
			return hash;
		}
	}

	private long expiry(String id) {
		return new StringRedisTemplate(connections).execute(EXPIRE_TIME, List.of(this.namespace + ":sessions:" + id));
	}

	private byte[] key(String id) {
		return (this.namespace + ":sessions:" + id).getBytes(StandardCharsets.UTF_8);
	}

	private record URIParts(String host, int port) {

		static URIParts of(String url) {
			URI uri = URI.create(url);
			return new URIParts(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379);
		}

	}

}
