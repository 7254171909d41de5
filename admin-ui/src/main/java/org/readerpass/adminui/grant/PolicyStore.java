package org.readerpass.adminui.grant;

import java.util.List;
import java.util.Optional;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.livepolicy.PolicySource;
import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;

/**
 * Where resources and grants live, with the audit of every change to them. Each change and its
 * audit entry are written in one transaction, and changes are serialized, so that the checks
 * below hold across every node sharing the store:
 * <ul>
 * <li>resource codes and audiences are unique;</li>
 * <li>a grant names a stored resource and only actions that resource has (or {@code "*"});</li>
 * <li>a resource cannot be deleted while grants name it, nor lose actions grants name.</li>
 * </ul>
 * A refused change writes nothing and throws {@link ConflictException}; a change to an absent
 * entry throws {@link NotFoundException}. Checks against the network plan (libraries, zones) are
 * the caller's: the store knows no plan.
 *
 * <p>
 * Every committed change increases the {@link #revision()}; {@link #load()} reads everything
 * as of one revision (this store is the {@link org.readerpass.adminui.livepolicy.LivePolicy live
 * policy}'s source). Instants are kept to the
 * microsecond (finer parts are dropped). Lengths beyond the limits below are refused with an
 * {@link IllegalArgumentException} before anything is written.
 */
public interface PolicyStore extends PolicySource {

	/** Resource names (each language). */
	int MAX_NAME_LENGTH = 256;

	/** Library codes (owner library, subject library, on-site library). */
	int MAX_LIBRARY_CODE_LENGTH = 128;

	/** Resource audiences. */
	int MAX_AUDIENCE_LENGTH = 1024;

	/** Subject values: reader types, group names. */
	int MAX_SUBJECT_VALUE_LENGTH = 256;

	/** Ordered by code. */
	List<Resource> resources();

	Optional<Resource> findResource(String code);

	/** Ordered by resource code, then id. */
	List<Grant> grants();

	/** The grants of one resource, ordered by id. */
	List<Grant> grantsFor(String resourceCode);

	Optional<Grant> findGrant(String id);

	/**
	 * @return the revision of this change
	 * @throws ConflictException when the code or the audience is taken ({@code field} says which)
	 */
	long createResource(Resource resource, Actor actor);

	/**
	 * Replaces the resource of the same code.
	 * @return the revision of this change
	 * @throws NotFoundException when there is no such resource
	 * @throws ConflictException when the audience is another resource's, or an action grants name
	 * would go
	 */
	long updateResource(Resource resource, Actor actor);

	/**
	 * @return the revision of this change
	 * @throws NotFoundException when there is no such resource
	 * @throws ConflictException when grants name the resource
	 */
	long deleteResource(String code, Actor actor);

	/**
	 * @return the revision of this change
	 * @throws ConflictException when the id is taken, the resource is missing or lacks an action
	 */
	long createGrant(Grant grant, Actor actor);

	/**
	 * Replaces the grant of the same id.
	 * @return the revision of this change
	 * @throws NotFoundException when there is no such grant
	 * @throws ConflictException when the resource is missing or lacks an action
	 */
	long updateGrant(Grant grant, Actor actor);

	/**
	 * @return the revision of this change
	 * @throws NotFoundException when there is no such grant
	 */
	long deleteGrant(String id, Actor actor);

}
