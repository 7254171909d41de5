package org.readerpass.adminui.grant;

import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.livepolicy.PolicyChanges;
import org.readerpass.adminui.problem.InvalidRequestException;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.resource.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's changes: checks a request against the network plan and the stored resources,
 * writes it with its audit entry through the {@link PolicyStore}, then signals
 * {@link PolicyChanges} so that every node rebuilds its snapshot (on this node before the method
 * returns, with {@link org.readerpass.adminui.livepolicy.LocalPolicyChanges}).
 *
 * <p>
 * Every change throws {@link InvalidRequestException} listing each invalid field,
 * {@link NotFoundException} when the resource or grant it replaces or deletes is not stored, and
 * {@link org.readerpass.adminui.problem.ConflictException} when the stored state refuses it; nothing
 * is written then.
 */
public final class PolicyAdministration {

	private static final Logger log = LoggerFactory.getLogger(PolicyAdministration.class);

	private final NetworkPlan plan;

	private final PolicyStore store;

	private final PolicyChanges changes;

	private final GrantParser grants;

	/** @param zone the network's time zone, for dates without a time */
	public PolicyAdministration(NetworkPlan plan, PolicyStore store, PolicyChanges changes, ZoneId zone) {
		this.plan = Objects.requireNonNull(plan, "plan");
		this.store = Objects.requireNonNull(store, "store");
		this.changes = Objects.requireNonNull(changes, "changes");
		this.grants = new GrantParser(plan, store::findResource, zone);
	}

	public Resource createResource(ResourceRequest request, Actor actor) {
		Resource resource = ResourceParser.parse(request, null, this.plan.tree());
		changed(this.store.createResource(resource, actor), AuditEntry.CREATE, AuditEntry.RESOURCE, resource.code());
		return resource;
	}

	public Resource updateResource(String code, ResourceRequest request, Actor actor) {
		this.store.findResource(code).orElseThrow(() -> new NotFoundException(AuditEntry.RESOURCE, code));
		Resource resource = ResourceParser.parse(request, code, this.plan.tree());
		changed(this.store.updateResource(resource, actor), AuditEntry.UPDATE, AuditEntry.RESOURCE, code);
		return resource;
	}

	public void deleteResource(String code, Actor actor) {
		changed(this.store.deleteResource(code, actor), AuditEntry.DELETE, AuditEntry.RESOURCE, code);
	}

	/** The new grant gets a random UUID as its id. */
	public Grant createGrant(GrantRequest request, Actor actor) {
		Grant grant = this.grants.parse(request, UUID.randomUUID().toString(), false);
		changed(this.store.createGrant(grant, actor), AuditEntry.CREATE, AuditEntry.GRANT, grant.id());
		return grant;
	}

	public Grant updateGrant(String id, GrantRequest request, Actor actor) {
		this.store.findGrant(id).orElseThrow(() -> new NotFoundException(AuditEntry.GRANT, id));
		Grant grant = this.grants.parse(request, id, true);
		changed(this.store.updateGrant(grant, actor), AuditEntry.UPDATE, AuditEntry.GRANT, id);
		return grant;
	}

	public void deleteGrant(String id, Actor actor) {
		changed(this.store.deleteGrant(id, actor), AuditEntry.DELETE, AuditEntry.GRANT, id);
	}

	private void changed(long revision, String operation, String kind, String id) {
		log.info("Policy changed operation={} {}={} revision={}", operation, kind, id, revision);
		try {
			this.changes.publish();
		}
		catch (RuntimeException ex) {
			// committed all the same: the other nodes' revision poll will find it
			log.error("Policy change not signalled revision={}", revision, ex);
		}
	}

}
