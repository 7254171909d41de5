package org.readerpass.authserver.availability;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of a shared store (PostgreSQL or Redis unreachable, or too slow to answer) from
 * every other failure: the first is the service being briefly unavailable ({@code 503}), the
 * second a defect.
 */
final class StoreFailures {

	private static final Set<Class<? extends Throwable>> UNAVAILABLE = Set.of(DataAccessResourceFailureException.class,
			QueryTimeoutException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class, RedisConnectionException.class,
			RedisCommandTimeoutException.class, SQLTransientConnectionException.class,
			SQLNonTransientConnectionException.class);

	private static final int MAX_DEPTH = 16;

	private StoreFailures() {
	}

	/** Whether {@code failure}, or one of its causes, says a store could not be reached. */
	static boolean isStoreUnavailable(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			for (Class<? extends Throwable> type : UNAVAILABLE) {
				if (type.isInstance(current)) {
					return true;
				}
			}
			if (current.getClass() == RedisException.class) {
				// Lettuce's own refusal while disconnected ("Currently not connected. Commands are
				// rejected."); an error Redis answered is a RedisCommandExecutionException, a defect
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

}
