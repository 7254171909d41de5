package org.readerpass.adminui.store;

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

import org.readerpass.adminui.form.Forms;
import org.readerpass.adminui.form.NetworkForm;
import org.readerpass.adminui.form.SubjectForm;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** The columns of {@code policy_resource}, {@code policy_grant} and {@code policy_audit}, and their mapping. */
final class PolicyRows {

	static final String RESOURCE_COLUMNS = "code, name_zh, name_en, owner_library, audience, actions";

	static final String GRANT_COLUMNS = "id, effect, subject_kind, subject_value, subject_library, resource_code, "
			+ "actions, valid_from, valid_until, network_kind, network_value, minimum_verification";

	static final String AUDIT_COLUMNS = "id, at, actor, client_id, operation, target_kind, target_id, revision, "
			+ "before_json, after_json";

	private PolicyRows() {
	}

	static Resource resource(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("code");
		try {
			return new Resource(code, rs.getString("name_zh"), rs.getString("name_en"), rs.getString("owner_library"),
					new URI(rs.getString("audience")), Forms.splitActions(rs.getString("actions")));
		}
		catch (IllegalArgumentException | java.net.URISyntaxException ex) {
			throw new UnreadableRowException("stored resource '" + code + "' is unreadable: " + ex.getMessage());
		}
	}

	static Grant grant(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		try {
			SubjectForm subject = new SubjectForm(rs.getString("subject_kind"), rs.getString("subject_value"),
					rs.getString("subject_library"));
			NetworkForm network = new NetworkForm(rs.getString("network_kind"), rs.getString("network_value"));
			Conditions conditions = new Conditions(instant(rs, "valid_from"), instant(rs, "valid_until"),
					network.toCondition(), Forms.verification(rs.getString("minimum_verification")));
			return new Grant(id, Forms.effect(rs.getString("effect")), subject.toSubject(),
					rs.getString("resource_code"), Set.copyOf(Forms.splitActions(rs.getString("actions"))),
					conditions);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableRowException("stored grant '" + id + "' is unreadable: " + ex.getMessage());
		}
	}

	static AuditEntry audit(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), instant(rs, "at"), rs.getString("actor"), rs.getString("client_id"),
				rs.getString("operation"), rs.getString("target_kind"), rs.getString("target_id"),
				rs.getLong("revision"), rs.getString("before_json"), rs.getString("after_json"));
	}

	static StatementSpec bindResource(StatementSpec statement, Resource resource) {
		return statement.param("code", resource.code())
			.param("nameZh", resource.nameZh())
			.param("nameEn", resource.nameEn())
			.param("ownerLibrary", resource.ownerLibrary())
			.param("audience", resource.audience().toString())
			.param("actions", Forms.joinActions(resource.actions()));
	}

	static StatementSpec bindGrant(StatementSpec statement, Grant grant) {
		SubjectForm subject = SubjectForm.of(grant.subject());
		NetworkForm network = NetworkForm.of(grant.conditions().network());
		return statement.param("id", grant.id())
			.param("effect", Forms.effect(grant.effect()))
			.param("subjectKind", subject.kind())
			.param("subjectValue", subject.value())
			.param("subjectLibrary", text(subject.library()))
			.param("resourceCode", grant.resourceCode())
			.param("actions", Forms.joinActions(new TreeSet<>(grant.actions())))
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
