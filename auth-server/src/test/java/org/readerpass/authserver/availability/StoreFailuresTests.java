package org.readerpass.authserver.availability;

import java.sql.SQLTransientConnectionException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailuresTests {

	@Test
	void isStoreUnavailableWhenLettuceRejectsCommandsWhileDisconnectedThenTrue() {
		RuntimeException failure = new RedisSystemException("Redis exception",
				new RedisException("Currently not connected. Commands are rejected."));

		assertThat(StoreFailures.isStoreUnavailable(new ServletException(failure))).isTrue();
	}

	@Test
	void isStoreUnavailableWhenNoDatabaseConnectionThenTrue() {
		assertThat(StoreFailures.isStoreUnavailable(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("timed out")))).isTrue();
	}

	@Test
	void isStoreUnavailableWhenRedisAnsweredAnErrorThenFalse() {
		RuntimeException failure = new RedisSystemException("Redis exception",
				new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value"));

		assertThat(StoreFailures.isStoreUnavailable(failure)).isFalse();
	}

	@Test
	void isStoreUnavailableWhenConstraintRefusedThenFalse() {
		assertThat(StoreFailures.isStoreUnavailable(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(StoreFailures.isStoreUnavailable(new IllegalStateException("defect"))).isFalse();
	}

}
