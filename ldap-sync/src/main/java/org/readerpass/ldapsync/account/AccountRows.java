package org.readerpass.ldapsync.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.readerpass.policy.reader.VerificationLevel;

/**
 * The {@code reader_account} columns and their mapping, shared by reads and writes; public for the
 * one insert of new accounts, which {@link AccountLinking} makes.
 */
public final class AccountRows {

	static final String ACCOUNT_COLUMNS = "id, library_code, directory_id, dn, card_number, display_name, "
			+ "reader_type, status, expires_on, phone, email, reader_id, resident_id_hmac";

	static final String DATA_COLUMNS = "library_code, directory_id, dn, card_number, display_name, reader_type, "
			+ "status, expires_on, resident_id_hmac, phone, email";

	/** Inserts one new account: {@link #insertValues} gives the parameters. */
	public static final String INSERT = "insert into reader_account (id, " + DATA_COLUMNS
			+ ", reader_id, synced_at, last_seen_run, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private AccountRows() {
	}

	static ReaderAccount readerAccount(ResultSet rs, int rowNum) throws SQLException {
		return new ReaderAccount(rs.getObject("id", UUID.class), rs.getString("library_code"),
				rs.getString("directory_id"), rs.getString("dn"), rs.getString("card_number"),
				rs.getString("display_name"), rs.getString("reader_type"),
				AccountStatus.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
				rs.getString("phone"), rs.getString("email"), rs.getObject("reader_id", UUID.class),
				(rs.getString("resident_id_hmac") != null) ? VerificationLevel.REAL_NAME : VerificationLevel.CARD);
	}

	static DirectoryAccount directoryAccount(ResultSet rs) throws SQLException {
		return new DirectoryAccount(rs.getString("library_code"), rs.getString("directory_id"), rs.getString("dn"),
				rs.getString("card_number"), rs.getString("display_name"), rs.getString("reader_type"),
				AccountStatus.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
				rs.getString("resident_id_hmac"), rs.getString("phone"), rs.getString("email"));
	}

	/** The data columns in {@link #DATA_COLUMNS} order, for a statement's parameters. */
	static Object[] dataValues(DirectoryAccount a) {
		return new Object[] { a.libraryCode(), a.directoryId(), a.dn(), a.cardNumber(), a.displayName(),
				a.readerType(), a.status().name(), a.expiresOn(), a.residentIdHmac(), a.phone(), a.email() };
	}

	/** The parameters of {@link #INSERT}: a new account of {@code readerId}, synced and seen by {@code runId} at {@code at}. */
	public static Object[] insertValues(UUID accountId, DirectoryAccount account, UUID readerId, OffsetDateTime at,
			UUID runId) {
		Object[] data = dataValues(account);
		Object[] row = new Object[data.length + 5];
		row[0] = accountId;
		System.arraycopy(data, 0, row, 1, data.length);
		row[data.length + 1] = readerId;
		row[data.length + 2] = at;
		row[data.length + 3] = runId;
		row[data.length + 4] = at;
		return row;
	}

}
