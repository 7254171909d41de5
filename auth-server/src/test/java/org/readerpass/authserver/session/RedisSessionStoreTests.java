package org.readerpass.authserver.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on the machine's Redis ({@link TestRedis}), and what each operation costs in Redis
 * commands, counted as Lettuce sends them (a {@link CommandListener} on this test's own client):
 * never timed.
 */
class RedisSessionStoreTests extends RedisSessionStoreContractTests {

	private static final Queue<String> sent = new ConcurrentLinkedQueue<>();

	private static LettuceConnectionFactory connections;

	@BeforeAll
	static void connect() {
		TestRedis.connect().destroy(); // fails saying what to start when there is no Redis
		URI url = URI.create(System.getenv().getOrDefault(TestRedis.URL_ENV, TestRedis.LOCAL_URL));
		connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(url.getHost(), (url.getPort() > 0) ? url.getPort() : 6379));
		connections.afterPropertiesSet();
		connections.start();
		// before the first connection: Lettuce gives a connection the listeners its client has then
		connections.getRequiredNativeClient().addListener(new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				sent.add(event.getCommand().getType().toString());
			}
		});
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Override
	RedisConnectionFactory connections() {
		return connections;
	}

	@Test
	void findByIdThenOneCommand() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");

		assertThat(commands(() -> store.findById(id))).containsExactly("HGETALL");
	}

	@Test
	void saveWhenNothingChangedThenNoCommand() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.findById(saved(store, "a", "1"));

		assertThat(commands(() -> {
			session.getAttribute("a");
			session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(1));
			store.save(session);
			store.save(session);
		})).isEmpty();
	}

	@Test
	void saveWhenChangedThenOneCommandAndNoneForTheSecondSave() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.findById(saved(store, "a", "1"));
		session.setAttribute("a", "2");
		session.removeAttribute("b");

		assertThat(commands(() -> store.save(session))).containsExactly("EVAL");
		assertThat(commands(() -> store.save(session))).isEmpty();
	}

	@Test
	void saveWhenOnlyTheLastAccessMovedTheGranularityThenOneCommand() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.findById(saved(store, "a", "1"));
		session.setLastAccessedTime(session.getLastAccessedTime().plus(RedisSessionStore.LAST_ACCESS_GRANULARITY));

		assertThat(commands(() -> store.save(session))).containsExactly("EVAL");
	}

	@Test
	void saveWhenNewThenOneCommand() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.createSession();
		session.setAttribute("a", "1");

		assertThat(commands(() -> store.save(session))).containsExactly("EVAL");
		assertThat(commands(() -> store.save(session))).isEmpty();
	}

	@Test
	void saveWhenTheSessionIdChangedThenTwoCommandsSentTogether() {
		RedisSessionStore store = newStore();
		RedisSessionStore.RedisSession session = store.findById(saved(store, "a", "1"));
		session.changeSessionId();

		// sent back to back and awaited together (RedisSessionCommands#move): one round trip
		assertThat(commands(() -> store.save(session))).containsExactly("EVAL", "DEL");
	}

	@Test
	void deleteByIdThenOneCommand() {
		RedisSessionStore store = newStore();
		String id = saved(store, "a", "1");

		assertThat(commands(() -> store.deleteById(id))).containsExactly("DEL");
	}

	/**
	 * The session side of a browser login as {@code SessionRepositoryFilter} drives it (it saves
	 * twice a request): authorize (a new session holding the saved request), the login page (a
	 * CSRF token), the login POST (a new session id, the security context), authorize again (the
	 * saved request removed); the token request has no session. The stock repository, on the same
	 * Redis, for comparison.
	 */
	@Test
	void loginWhenFourRequestsWithASessionThenEightCommandsWhereTheStockRepositorySendsNineteen() {
		RedisSessionStore store = newStore();
		RedisSessionRepository stock = stockRepository();

		assertThat(commands(() -> login(store))).hasSize(8);
		assertThat(commands(() -> login(stock))).hasSize(19);
	}

	private static <S extends Session> void login(SessionRepository<S> store) {
		S session = store.createSession();
		session.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/oauth2/authorize?client_id=portal");
		commit(store, session);

		session = store.findById(session.getId());
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(2));
		session.setAttribute("CSRF_TOKEN", "token-1");
		commit(store, session);

		session = store.findById(session.getId());
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(5));
		session.changeSessionId();
		session.setAttribute("SPRING_SECURITY_CONTEXT", signedIn("reader-1"));
		session.setAttribute("CSRF_TOKEN", "token-2");
		commit(store, session);

		session = store.findById(session.getId());
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(1));
		session.removeAttribute("SPRING_SECURITY_SAVED_REQUEST");
		commit(store, session);
	}

	/** As {@code SessionRepositoryFilter}: once when the response is committed, once at the end. */
	private static <S extends Session> void commit(SessionRepository<S> store, S session) {
		store.save(session);
		store.save(session);
	}

	private RedisSessionRepository stockRepository() {
		// as Spring Session's RedisHttpSessionConfiguration makes it (JDK serialization for values)
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setKeySerializer(new StringRedisSerializer());
		template.setHashKeySerializer(new StringRedisSerializer());
		template.setConnectionFactory(connections);
		template.afterPropertiesSet();
		RedisSessionRepository stock = new RedisSessionRepository(template);
		stock.setRedisKeyNamespace(namespace());
		stock.setDefaultMaxInactiveInterval(Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS));
		return stock;
	}

	private static List<String> commands(Runnable operation) {
		sent.clear();
		operation.run();
		return List.copyOf(sent);
	}

}
