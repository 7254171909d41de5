package org.readerpass.policy.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.DirectoryGroup;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.resource.Resource;

/**
 * The grants of one resource, bucketed by subject key, so that an evaluation looks up only the
 * buckets the reader's attributes name and never meets a grant for someone else.
 */
final class ResourceGrants {

	private static final int LEVELS = VerificationLevel.values().length;

	final Resource resource;

	final List<Grant> grants;

	private final Map<UUID, CompiledGrant[]> byReader;

	private final Map<UUID, CompiledGrant[]> byAccount;

	private final Map<String, CompiledGrant[]> byReaderType;

	/** Group grants by group name, in any library or scoped to one ({@code groupLibrary}). */
	private final Map<String, CompiledGrant[]> byGroupAnywhere;

	private final Map<String, CompiledGrant[]> byGroupScoped;

	private final Map<String, CompiledGrant[]> bySubtree;

	private final CompiledGrant[][] byLevel;

	private ResourceGrants(Resource resource, List<Grant> grants, Buckets buckets) {
		this.resource = resource;
		this.grants = List.copyOf(grants);
		this.byReader = freeze(buckets.byReader);
		this.byAccount = freeze(buckets.byAccount);
		this.byReaderType = freeze(buckets.byReaderType);
		this.byGroupAnywhere = freeze(buckets.byGroupAnywhere);
		this.byGroupScoped = freeze(buckets.byGroupScoped);
		this.bySubtree = freeze(buckets.bySubtree);
		this.byLevel = new CompiledGrant[LEVELS][];
		for (int level = 0; level < LEVELS; level++) {
			List<CompiledGrant> list = buckets.byLevel.get(level);
			this.byLevel[level] = list.isEmpty() ? null : list.toArray(new CompiledGrant[0]);
		}
	}

	/** The grants must have passed {@link GrantChecks} against {@code resource}. */
	static ResourceGrants build(Resource resource, List<Grant> grants) {
		Buckets buckets = new Buckets();
		for (Grant grant : grants) {
			buckets.add(new CompiledGrant(grant, resource));
		}
		return new ResourceGrants(resource, grants, buckets);
	}

	/**
	 * Visits, exactly once each, the grants whose subject matches the reader.
	 * @param ancestry a library code, then its parent's, up to the root
	 */
	void collect(ReaderContext reader, Ancestry ancestry, Evaluation evaluation) {
		evaluation.visit(this.byReader.get(reader.readerId()));
		evaluation.visit(this.byAccount.get(reader.accountId()));
		if (reader.readerType() != null) {
			evaluation.visit(this.byReaderType.get(reader.readerType()));
		}
		if (!this.byGroupAnywhere.isEmpty() || !this.byGroupScoped.isEmpty()) {
			collectGroups(reader.groups(), evaluation);
		}
		if (!this.bySubtree.isEmpty()) {
			collectSubtrees(reader.libraries(), ancestry, evaluation);
		}
		int level = reader.verification().ordinal();
		for (int i = 0; i <= level; i++) {
			evaluation.visit(this.byLevel[i]);
		}
	}

	private void collectGroups(List<DirectoryGroup> groups, Evaluation evaluation) {
		for (int i = 0; i < groups.size(); i++) {
			DirectoryGroup group = groups.get(i);
			if (!nameSeenBefore(groups, i)) {
				evaluation.visit(this.byGroupAnywhere.get(group.name()));
			}
			CompiledGrant[] scoped = this.byGroupScoped.get(group.name());
			if (scoped != null) {
				for (CompiledGrant grant : scoped) {
					if (grant.groupLibrary.equals(group.libraryCode())) {
						evaluation.visit(grant);
					}
				}
			}
		}
	}

	private static boolean nameSeenBefore(List<DirectoryGroup> groups, int index) {
		String name = groups.get(index).name();
		for (int j = 0; j < index; j++) {
			if (groups.get(j).name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Each library's chain up to the root, stopping where an earlier library's chain already
	 * went (that code and everything above it were visited then).
	 */
	private void collectSubtrees(List<String> libraries, Ancestry ancestry, Evaluation evaluation) {
		for (int i = 0; i < libraries.size(); i++) {
			for (String code : ancestry.of(libraries.get(i))) {
				if (coveredBefore(libraries, i, code)) {
					break;
				}
				evaluation.visit(this.bySubtree.get(code));
			}
		}
	}

	private static boolean coveredBefore(List<String> libraries, int index, String code) {
		for (int j = 0; j < index; j++) {
			if (Library.isWithin(libraries.get(j), code)) {
				return true;
			}
		}
		return false;
	}

	private static <K> Map<K, CompiledGrant[]> freeze(Map<K, List<CompiledGrant>> buckets) {
		Map<K, CompiledGrant[]> frozen = new HashMap<>();
		buckets.forEach((key, list) -> frozen.put(key, list.toArray(new CompiledGrant[0])));
		return Map.copyOf(frozen);
	}

	private static final class Buckets {

		final Map<UUID, List<CompiledGrant>> byReader = new HashMap<>();

		final Map<UUID, List<CompiledGrant>> byAccount = new HashMap<>();

		final Map<String, List<CompiledGrant>> byReaderType = new HashMap<>();

		final Map<String, List<CompiledGrant>> byGroupAnywhere = new HashMap<>();

		final Map<String, List<CompiledGrant>> byGroupScoped = new HashMap<>();

		final Map<String, List<CompiledGrant>> bySubtree = new HashMap<>();

		final List<List<CompiledGrant>> byLevel = new ArrayList<>();

		Buckets() {
			for (int level = 0; level < LEVELS; level++) {
				this.byLevel.add(new ArrayList<>());
			}
		}

		void add(CompiledGrant grant) {
			Subject subject = grant.grant.subject();
			if (subject instanceof Subject.Reader reader) {
				put(this.byReader, reader.readerId(), grant);
			}
			else if (subject instanceof Subject.Account account) {
				put(this.byAccount, account.accountId(), grant);
			}
			else if (subject instanceof Subject.ReaderType type) {
				put(this.byReaderType, type.type(), grant);
			}
			else if (subject instanceof Subject.Group group) {
				put((group.libraryCode() != null) ? this.byGroupScoped : this.byGroupAnywhere, group.name(), grant);
			}
			else if (subject instanceof Subject.LibrarySubtree subtree) {
				put(this.bySubtree, subtree.libraryCode(), grant);
			}
			else if (subject instanceof Subject.VerifiedReaders verified) {
				this.byLevel.get(verified.minimum().ordinal()).add(grant);
			}
			else {
				throw new IllegalStateException("unknown subject kind " + subject);
			}
		}

		private static <K> void put(Map<K, List<CompiledGrant>> map, K key, CompiledGrant grant) {
			map.computeIfAbsent(key, k -> new ArrayList<>()).add(grant);
		}

	}

}
