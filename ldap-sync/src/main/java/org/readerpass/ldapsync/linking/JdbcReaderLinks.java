package org.readerpass.ldapsync.linking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ReaderLinks} on the {@code reader_link} table (Flyway migration
 * {@code db/migration/V2026_11_25_04__reader_links.sql} of this module), on H2 or PostgreSQL. The
 * rows are written by {@link ReaderLinker} when it inserts accounts.
 */
final class JdbcReaderLinks implements ReaderLinks {

	private static final String SELECT = "select l.reader_id, l.account_id, a.library_code, a.card_number, l.reason, "
			+ "l.matched_account_id, m.library_code as matched_library_code, m.card_number as matched_card_number, "
			+ "l.sync_run_id, l.linked_at from reader_link l "
			+ "join reader_account a on a.id = l.account_id and a.reader_id = l.reader_id "
			+ "left join reader_account m on m.id = l.matched_account_id ";

	private final JdbcClient jdbc;

	JdbcReaderLinks(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public List<ReaderLink> explain(UUID readerId) {
		return this.jdbc.sql(SELECT + "where l.reader_id = ? order by l.link_no")
			.param(readerId)
			.query(JdbcReaderLinks::link)
			.list();
	}

	@Override
	public List<ReaderLink> explainAccount(UUID accountId) {
		return this.jdbc.sql(SELECT + "where l.account_id = ? order by l.link_no desc")
			.param(accountId)
			.query(JdbcReaderLinks::link)
			.list();
	}

	private static ReaderLink link(ResultSet rs, int rowNum) throws SQLException {
		return new ReaderLink(rs.getObject("reader_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("library_code"), rs.getString("card_number"), LinkReason.valueOf(rs.getString("reason")),
				rs.getObject("matched_account_id", UUID.class), rs.getString("matched_library_code"),
				rs.getString("matched_card_number"), rs.getObject("sync_run_id", UUID.class),
				rs.getObject("linked_at", OffsetDateTime.class).toInstant());
	}

}
