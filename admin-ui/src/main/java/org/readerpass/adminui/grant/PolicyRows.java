package org.readerpass.adminui.grant;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

import org.readerpass.adminui.text.NetworkText;
import org.readerpass.adminui.text.PolicyText;
import org.readerpass.adminui.text.SubjectText;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** The columns of {@code policy_resource} and {@code policy_grant}, and their mapping. */
final class PolicyRows {

	static final String RESOURCE_COLUMNS = "code, name_zh, name_en, owner_library, audience, actions";

	static final String GRANT_COLUMNS = "id, effect, subject_kind, subject_value, subject_library, resource_code, "
			+ "actions, valid_from, valid_until, network_kind, network_value, minimum_verification";

	private PolicyRows() {
	}

	static Resource resource(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("code");
		try {
			return new Resource(code, rs.getString("name_zh"), rs.getString("name_en"), rs.getString("owner_library"),
					new URI(rs.getString("audience")), PolicyText.splitActions(rs.getString("actions")));
		}
		catch (IllegalArgumentException | java.net.URISyntaxException ex) {
			throw new UnreadableRowException("stored resource '" + code + "' is unreadable: " + ex.getMessage());
		}
	}

	static Grant grant(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		try {
			SubjectText subject = new SubjectText(rs.getString("subject_kind"), rs.getString("subject_value"),
					rs.getString("subject_library"));
			NetworkText network = new NetworkText(rs.getString("network_kind"), rs.getString("network_value"));
			Conditions conditions = new Conditions(instant(rs, "valid_from"), instant(rs, "valid_until"),
					network.toCondition(), PolicyText.verification(rs.getString("minimum_verification")));
			return new Grant(id, PolicyText.effect(rs.getString("effect")), subject.toSubject(),
					rs.getString("resource_code"), Set.copyOf(PolicyText.splitActions(rs.getString("actions"))),
					conditions);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableRowException("stored grant '" + id + "' is unreadable: " + ex.getMessage());
		}
	}

	static StatementSpec bindResource(StatementSpec statement, Resource resource) {
		return statement.param("code", resource.code())
			.param("nameZh", resource.nameZh())
			.param("nameEn", resource.nameEn())
			.param("ownerLibrary", resource.ownerLibrary())
			.param("audience", resource.audience().toString())
			.param("actions", PolicyText.joinActions(resource.actions()));
	}

	static StatementSpec bindGrant(StatementSpec statement, Grant grant) {
		SubjectText subject = SubjectText.of(grant.subject());
		NetworkText network = NetworkText.of(grant.conditions().network());
		return statement.param("id", grant.id())
			.param("effect", PolicyText.effect(grant.effect()))
			.param("subjectKind", subject.kind())
			.param("subjectValue", subject.value())
			.param("subjectLibrary", text(subject.library()))
			.param("resourceCode", grant.resourceCode())
			.param("actions", PolicyText.joinActions(new TreeSet<>(grant.actions())))
			.param("validFrom", timestamp(grant.conditions().validFrom()))
			.param("validUntil", timestamp(grant.conditions().validUntil()))
			.param("networkKind", network.kind())
			.param("networkValue", text(network.value()))
			.param("minimumVerification", grant.conditions().minimumVerification().code());
	}

	/** The grant as it will read back: instants cut to the microsecond. */
	static Grant stored(Grant grant) {
		Conditions conditions = grant.conditions();
		Conditions cut = new Conditions(micros(conditions.validFrom()), micros(conditions.validUntil()),
				conditions.network(), conditions.minimumVerification());
		return cut.equals(conditions) ? grant : grant.withConditions(cut);
	}

	static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null);
	}

	static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static Instant micros(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** A stored row that no longer makes a valid resource or grant. */
	static final class UnreadableRowException extends IllegalStateException {

		UnreadableRowException(String message) {
			super(message);
		}

	}

}
