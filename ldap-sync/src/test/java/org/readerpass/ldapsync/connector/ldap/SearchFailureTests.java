package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.connector.ReadFailure;

import com.unboundid.ldap.sdk.ResultCode;

/** How a search's result code classifies an early end (the sync's safety brake reads it). */
class SearchFailureTests {

	@Test
	void failureWhenLimitCodesThenSizeOrTimeLimit() {
		assertThat(PagedAccountSearch.failure(ResultCode.SIZE_LIMIT_EXCEEDED)).isEqualTo(ReadFailure.SIZE_LIMIT_EXCEEDED);
		assertThat(PagedAccountSearch.failure(ResultCode.ADMIN_LIMIT_EXCEEDED)).isEqualTo(ReadFailure.SIZE_LIMIT_EXCEEDED);
		assertThat(PagedAccountSearch.failure(ResultCode.TIME_LIMIT_EXCEEDED)).isEqualTo(ReadFailure.TIME_LIMIT_EXCEEDED);
		assertThat(PagedAccountSearch.failure(ResultCode.TIMEOUT)).isEqualTo(ReadFailure.TIME_LIMIT_EXCEEDED);
	}

	@Test
	void failureWhenConnectionGoneThenConnectionLost() {
		assertThat(PagedAccountSearch.failure(ResultCode.SERVER_DOWN)).isEqualTo(ReadFailure.CONNECTION_LOST);
		assertThat(PagedAccountSearch.failure(ResultCode.UNAVAILABLE)).isEqualTo(ReadFailure.CONNECTION_LOST);
		assertThat(PagedAccountSearch.failure(ResultCode.DECODING_ERROR)).isEqualTo(ReadFailure.CONNECTION_LOST);
	}

	@Test
	void failureWhenBaseMissingOrRefusedThenBaseDnMissingOrOther() {
		assertThat(PagedAccountSearch.failure(ResultCode.NO_SUCH_OBJECT)).isEqualTo(ReadFailure.BASE_DN_MISSING);
		assertThat(PagedAccountSearch.failure(ResultCode.INSUFFICIENT_ACCESS_RIGHTS)).isEqualTo(ReadFailure.OTHER);
	}

}
