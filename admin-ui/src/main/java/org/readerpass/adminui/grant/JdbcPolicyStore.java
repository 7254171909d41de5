package org.readerpass.adminui.grant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.audit.AuditFormat;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.adminui.livepolicy.StoredPolicy;
import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.text.SubjectText;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.resource.Resource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The policy store in the tables of Flyway migration
 * {@code db/migration/V2026_11_25_20__policy_store.sql}, on H2 or PostgreSQL. Every change first
 * bumps the one row of {@code policy_revision}: the row lock serializes changes across nodes, so
 * the checks each change makes before writing cannot race with another change. Each change's
 * audit entry is written by a {@link JdbcAuditLog} on the same data source, in the change's
 * transaction.
 */
public final class JdbcPolicyStore implements PolicyStore {

	private static final int LISTED_GRANTS = 10;

	private static final String SELECT_RESOURCES = "select " + PolicyRows.RESOURCE_COLUMNS + " from policy_resource ";

	private static final String SELECT_GRANTS = "select " + PolicyRows.GRANT_COLUMNS + " from policy_grant ";

	private final JdbcClient jdbc;

	private final TransactionTemplate changes;

	private final TransactionTemplate consistentReads;

	private final JdbcAuditLog audit;

	/**
	 * @param format the form the audit keeps resources and grants in ({@link AuditFormat#json()})
	 * @param clock the time of each audit entry
	 */
	public JdbcPolicyStore(DataSource dataSource, AuditFormat format, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		this.changes = new TransactionTemplate(transactions);
		this.consistentReads = new TransactionTemplate(transactions);
		this.consistentReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.consistentReads.setReadOnly(true);
		this.audit = new JdbcAuditLog(dataSource, format, clock);
	}

	@Override
	public long revision() {
		return this.jdbc.sql("select revision from policy_revision where id = 1").query(Long.class).single();
	}

	@Override
	public StoredPolicy load() {
		return this.consistentReads.execute(status -> {
			long revision = revision();
			List<String> problems = new ArrayList<>();
			List<Resource> resources = readable(SELECT_RESOURCES + "order by code", PolicyRows::resource, problems);
			List<Grant> grants = readable(SELECT_GRANTS + "order by resource_code, id", PolicyRows::grant, problems);
			return new StoredPolicy(revision, resources, grants, problems);
		});
	}

	private <T> List<T> readable(String sql, RowMapper<T> mapper, List<String> problems) {
		List<T> rows = new ArrayList<>();
		this.jdbc.sql(sql).query((rs, row) -> {
			try {
				return mapper.mapRow(rs, row);
			}
			catch (PolicyRows.UnreadableRowException ex) {
				problems.add(ex.getMessage());
				return null;
			}
		}).list().stream().filter(Objects::nonNull).forEach(rows::add);
		return rows;
	}

	@Override
	public List<Resource> resources() {
		return this.jdbc.sql(SELECT_RESOURCES + "order by code").query(PolicyRows::resource).list();
	}

	@Override
	public Optional<Resource> findResource(String code) {
		return this.jdbc.sql(SELECT_RESOURCES + "where code = ?").param(code).query(PolicyRows::resource).optional();
	}

	@Override
	public List<Grant> grants() {
		return this.jdbc.sql(SELECT_GRANTS + "order by resource_code, id").query(PolicyRows::grant).list();
	}

	@Override
	public List<Grant> grantsFor(String resourceCode) {
		return this.jdbc.sql(SELECT_GRANTS + "where resource_code = ? order by id")
			.param(resourceCode)
			.query(PolicyRows::grant)
			.list();
	}

	@Override
	public Optional<Grant> findGrant(String id) {
		return this.jdbc.sql(SELECT_GRANTS + "where id = ?").param(id).query(PolicyRows::grant).optional();
	}

	@Override
	public long createResource(Resource resource, Actor actor) {
		checkLengths(resource);
		return changeResource(actor, AuditEntry.CREATE, resource.code(), () -> {
			if (findResource(resource.code()).isPresent()) {
				throw new ConflictException("code", "resource '" + resource.code() + "' exists already");
			}
			checkAudienceFree(resource);
			PolicyRows.bindResource(this.jdbc.sql("insert into policy_resource (" + PolicyRows.RESOURCE_COLUMNS
					+ ") values (:code, :nameZh, :nameEn, :ownerLibrary, :audience, :actions)"), resource).update();
			return new Audited<>(null, resource);
		});
	}

	@Override
	public long updateResource(Resource resource, Actor actor) {
		checkLengths(resource);
		return changeResource(actor, AuditEntry.UPDATE, resource.code(), () -> {
			Resource before = findResource(resource.code())
				.orElseThrow(() -> new NotFoundException(AuditEntry.RESOURCE, resource.code()));
			checkAudienceFree(resource);
			Set<String> removed = new LinkedHashSet<>(before.actions());
			removed.removeAll(resource.actions());
			List<String> users = grantsFor(resource.code()).stream()
				.filter(grant -> !grant.coversAllActions() && grant.actions().stream().anyMatch(removed::contains))
				.map(Grant::id)
				.toList();
			if (!users.isEmpty()) {
				throw new ConflictException("actions", "resource '" + resource.code() + "' cannot lose actions "
						+ removed + ": " + listed(users) + " name them");
			}
			PolicyRows.bindResource(this.jdbc.sql("update policy_resource set name_zh = :nameZh, name_en = :nameEn, "
					+ "owner_library = :ownerLibrary, audience = :audience, actions = :actions where code = :code"),
					resource)
				.update();
			return new Audited<>(before, resource);
		});
	}

	@Override
	public long deleteResource(String code, Actor actor) {
		return changeResource(actor, AuditEntry.DELETE, code, () -> {
			Resource before = findResource(code).orElseThrow(() -> new NotFoundException(AuditEntry.RESOURCE, code));
			List<String> users = this.jdbc.sql("select id from policy_grant where resource_code = ? order by id")
				.param(code)
				.query(String.class)
				.list();
			if (!users.isEmpty()) {
				throw new ConflictException(null, "resource '" + code + "' is still named by " + listed(users)
						+ ": delete or change those first");
			}
			this.jdbc.sql("delete from policy_resource where code = ?").param(code).update();
			return new Audited<>(before, null);
		});
	}

	@Override
	public long createGrant(Grant grant, Actor actor) {
		Grant stored = PolicyRows.stored(grant);
		checkLengths(stored);
		return changeGrant(actor, AuditEntry.CREATE, stored.id(), () -> {
			if (findGrant(stored.id()).isPresent()) {
				throw new ConflictException("id", "grant '" + stored.id() + "' exists already");
			}
			checkResourceActions(stored);
			PolicyRows.bindGrant(this.jdbc.sql("insert into policy_grant (" + PolicyRows.GRANT_COLUMNS + ") values "
					+ "(:id, :effect, :subjectKind, :subjectValue, :subjectLibrary, :resourceCode, :actions, "
					+ ":validFrom, :validUntil, :networkKind, :networkValue, :minimumVerification)"), stored)
				.update();
			return new Audited<>(null, stored);
		});
	}

	@Override
	public long updateGrant(Grant grant, Actor actor) {
		Grant stored = PolicyRows.stored(grant);
		checkLengths(stored);
		return changeGrant(actor, AuditEntry.UPDATE, stored.id(), () -> {
			Grant before = findGrant(stored.id())
				.orElseThrow(() -> new NotFoundException(AuditEntry.GRANT, stored.id()));
			checkResourceActions(stored);
			PolicyRows.bindGrant(this.jdbc.sql("update policy_grant set effect = :effect, subject_kind = :subjectKind, "
					+ "subject_value = :subjectValue, subject_library = :subjectLibrary, "
					+ "resource_code = :resourceCode, actions = :actions, valid_from = :validFrom, "
					+ "valid_until = :validUntil, network_kind = :networkKind, network_value = :networkValue, "
					+ "minimum_verification = :minimumVerification where id = :id"), stored)
				.update();
			return new Audited<>(before, stored);
		});
	}

	@Override
	public long deleteGrant(String id, Actor actor) {
		return changeGrant(actor, AuditEntry.DELETE, id, () -> {
			Grant before = findGrant(id).orElseThrow(() -> new NotFoundException(AuditEntry.GRANT, id));
			this.jdbc.sql("delete from policy_grant where id = ?").param(id).update();
			return new Audited<>(before, null);
		});
	}

	/**
	 * Runs one change to a resource and writes its audit entry in one transaction, after taking the
	 * revision row's lock; anything thrown rolls everything back.
	 */
	private long changeResource(Actor actor, String operation, String code, Change<Resource> work) {
		return change(actor, (revision, audited) -> this.audit.recordResource(actor, operation, code, revision,
				audited.before(), audited.after()), work);
	}

	/** The same for a grant. */
	private long changeGrant(Actor actor, String operation, String id, Change<Grant> work) {
		return change(actor, (revision, audited) -> this.audit.recordGrant(actor, operation, id, revision,
				audited.before(), audited.after()), work);
	}

	private <T> long change(Actor actor, AuditWriter<T> audit, Change<T> work) {
		Objects.requireNonNull(actor, "actor");
		return this.changes.execute(status -> {
			this.jdbc.sql("update policy_revision set revision = revision + 1 where id = 1").update();
			long revision = revision();
			audit.write(revision, work.run());
			return revision;
		});
	}

	private void checkAudienceFree(Resource resource) {
		this.jdbc.sql("select code from policy_resource where audience = ? and code <> ?")
			.param(resource.audience().toString())
			.param(resource.code())
			.query(String.class)
			.optional()
			.ifPresent(other -> {
				throw new ConflictException("audience",
						"audience " + resource.audience() + " belongs to resource '" + other + "'");
			});
	}

	private void checkResourceActions(Grant grant) {
		Resource resource = findResource(grant.resourceCode()).orElseThrow(() -> new ConflictException("resource",
				"grant '" + grant.id() + "' names resource '" + grant.resourceCode() + "', which is not stored"));
		if (!grant.coversAllActions() && !resource.actions().containsAll(grant.actions())) {
			Set<String> unknown = new LinkedHashSet<>(grant.actions());
			unknown.removeAll(resource.actions());
			throw new ConflictException("actions", "resource '" + resource.code() + "' has no actions " + unknown
					+ " (it has " + resource.actions() + ")");
		}
	}

	private static void checkLengths(Resource resource) {
		checkLength("nameZh", resource.nameZh(), MAX_NAME_LENGTH);
		checkLength("nameEn", resource.nameEn(), MAX_NAME_LENGTH);
		checkLength("ownerLibrary", resource.ownerLibrary(), MAX_LIBRARY_CODE_LENGTH);
		checkLength("audience", resource.audience().toString(), MAX_AUDIENCE_LENGTH);
	}

	private static void checkLengths(Grant grant) {
		SubjectText subject = SubjectText.of(grant.subject());
		checkLength("subject.value", subject.value(), MAX_SUBJECT_VALUE_LENGTH);
		checkLength("subject.library", subject.library(), MAX_LIBRARY_CODE_LENGTH);
		if (grant.conditions().network() instanceof NetworkCondition.OnSiteWithin within) {
			checkLength("network.value", within.libraryCode(), MAX_LIBRARY_CODE_LENGTH);
		}
	}

	private static void checkLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException(field + " is longer than " + max + " characters");
		}
	}

	private static String listed(List<String> grantIds) {
		String shown = String.join(", ", grantIds.subList(0, Math.min(LISTED_GRANTS, grantIds.size())));
		return (grantIds.size() == 1) ? "grant " + shown
				: grantIds.size() + " grants (" + shown + ((grantIds.size() > LISTED_GRANTS) ? ", ..." : "") + ")";
	}

	/** A change's own work: checks, writes, and what the target was before and is after. */
	@FunctionalInterface
	private interface Change<T> {

		Audited<T> run();

	}

	@FunctionalInterface
	private interface AuditWriter<T> {

		void write(long revision, Audited<T> audited);

	}

	/** The target before the change ({@code null} for a create) and after it ({@code null} for a delete). */
	private record Audited<T>(T before, T after) {

	}

}
