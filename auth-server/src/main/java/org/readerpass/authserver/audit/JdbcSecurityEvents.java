package org.readerpass.authserver.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security events in the table {@code security_events}. */
final class JdbcSecurityEvents implements SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger(JdbcSecurityEvents.class);

	private static final int MAX_TEXT = 256;

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcSecurityEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(SecurityEvent event) {
		String details = JSONObjectUtils.toJSONString(new TreeMap<String, Object>(event.details()));
		try {
			this.jdbc
				.sql("insert into security_events (at, event_type, client_id, subject, details) "
						+ "values (:at, :type, :clientId, :subject, :details)")
				.param("at", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
						OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)))
				.param("type", event.type())
				.param("clientId", new SqlParameterValue(Types.VARCHAR, cut(event.clientId())))
				.param("subject", new SqlParameterValue(Types.VARCHAR, cut(event.subject())))
				.param("details", details)
				.update();
		}
		catch (DataAccessException ex) {
			log.error("Security event not written to the audit log type={} client={} details={}", event.type(),
					event.clientId(), details, ex);
		}
	}

	@Override
	public List<RecordedSecurityEvent> latest(String type, int limit) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("select id, at, event_type, client_id, subject, details from security_events "
					+ ((type != null) ? "where event_type = :type " : "") + "order by id desc limit :limit")
			.param("limit", limit);
		if (type != null) {
			statement = statement.param("type", type);
		}
		return statement
			.query((rs, row) -> new RecordedSecurityEvent(rs.getLong("id"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("event_type"),
					rs.getString("client_id"), rs.getString("subject"), rs.getString("details")))
			.list();
	}

	private static String cut(String text) {
		return (text != null && text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}


}
