package org.readerpass.adminui.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit in table {@code policy_audit} (Flyway migration
 * {@code db/migration/V2026_11_25_20__policy_store.sql}), on H2 or PostgreSQL. A change's entry is
 * written on the connection of the transaction that makes the change (the same {@link DataSource}):
 * when the entry cannot be written, the change rolls back with it. Before and after are kept in
 * the audit's own form of a resource or grant ({@link AuditFormat}).
 */
public final class JdbcAuditLog implements AuditLog {

	private static final String COLUMNS = "id, at, actor, client_id, operation, target_kind, target_id, revision, "
			+ "before_json, after_json";

	private static final int MAX_ACTOR_LENGTH = 256;

	/** The revision of an entry that changed no policy: the store's revisions start at 1. */
	public static final long NO_POLICY_REVISION = 0;

	private final JdbcClient jdbc;

	private final AuditFormat format;

	private final Clock clock;

	/**
	 * @param dataSource the policy store's
	 * @param format the form before and after are kept in ({@link AuditFormat#json()})
	 * @param clock the time of each entry
	 */
	public JdbcAuditLog(DataSource dataSource, AuditFormat format, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.format = Objects.requireNonNull(format, "format");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Writes the entry of a change to a resource, in the caller's transaction.
	 * @param before the resource before the change, {@code null} for a create
	 * @param after the resource after the change, {@code null} for a delete
	 */
	public void recordResource(Actor actor, String operation, String code, long revision, Resource before,
			Resource after) {
		record(actor, operation, AuditEntry.RESOURCE, code, revision,
				(before != null) ? this.format.resource(before) : null,
				(after != null) ? this.format.resource(after) : null);
	}

	/**
	 * Writes the entry of a change to a grant, in the caller's transaction.
	 * @param before the grant before the change, {@code null} for a create
	 * @param after the grant after the change, {@code null} for a delete
	 */
	public void recordGrant(Actor actor, String operation, String id, long revision, Grant before, Grant after) {
		record(actor, operation, AuditEntry.GRANT, id, revision, (before != null) ? this.format.grant(before) : null,
				(after != null) ? this.format.grant(after) : null);
	}

	/**
	 * Writes the entry of a change the application makes outside the policy store (a signing key
	 * rotation), in the caller's transaction. It changes no policy, so its revision is
	 * {@value #NO_POLICY_REVISION}, which no policy change has.
	 * @param operation what was done, e.g. {@code rotate} (at most 16 characters)
	 * @param targetKind what was changed, e.g. {@code signing-key} (at most 16 characters)
	 * @param before the target before the change as a JSON object the caller wrote, or {@code null}
	 * @param after the target after the change as a JSON object the caller wrote, or {@code null}
	 */
	public void recordChange(Actor actor, String operation, String targetKind, String targetId, String before,
			String after) {
		record(actor, operation, targetKind, targetId, NO_POLICY_REVISION, before, after);
	}

	@Override
	public List<AuditEntry> entries(int limit, Long beforeId) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		String sql = "select " + COLUMNS + " from policy_audit " + ((beforeId != null) ? "where id < :before " : "")
				+ "order by id desc limit :limit";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("limit", limit);
		if (beforeId != null) {
			statement = statement.param("before", beforeId);
		}
		return statement.query(JdbcAuditLog::entry).list();
	}

	private void record(Actor actor, String operation, String targetKind, String targetId, long revision,
			String before, String after) {
		Objects.requireNonNull(actor, "actor");
		this.jdbc.sql("insert into policy_audit (at, actor, client_id, operation, target_kind, target_id, "
				+ "revision, before_json, after_json) values (:at, :actor, :clientId, :operation, :targetKind, "
				+ ":targetId, :revision, :before, :after)")
			.param("at", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
					OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC)))
			.param("actor", cut(actor.name()))
			.param("clientId", text(cut(actor.clientId())))
			.param("operation", operation)
			.param("targetKind", targetKind)
			.param("targetId", targetId)
			.param("revision", revision)
			.param("before", text(before))
			.param("after", text(after))
			.update();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
		return new AuditEntry(rs.getLong("id"), (at != null) ? at.toInstant() : null,
				rs.getString("actor"), rs.getString("client_id"), rs.getString("operation"),
				rs.getString("target_kind"), rs.getString("target_id"), rs.getLong("revision"),
				rs.getString("before_json"), rs.getString("after_json"));
	}

	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static String cut(String text) {
		return (text != null && text.length() > MAX_ACTOR_LENGTH) ? text.substring(0, MAX_ACTOR_LENGTH) : text;
	}

}
