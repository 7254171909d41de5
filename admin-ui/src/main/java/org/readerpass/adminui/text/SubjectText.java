package org.readerpass.adminui.text;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.policy.grant.Subject;

/**
 * A grant's subject as text: how the store keeps it, how the admin API shows it and how the audit
 * records it. (Its OpenAPI schema keeps the name it was published under, {@code SubjectForm}.)
 *
 * <table>
 * <tr><th>kind</th><th>value</th><th>library</th></tr>
 * <tr><td>{@code reader}</td><td>the person's UUID</td><td>-</td></tr>
 * <tr><td>{@code account}</td><td>the account's UUID</td><td>-</td></tr>
 * <tr><td>{@code reader-type}</td><td>e.g. {@code child}</td><td>-</td></tr>
 * <tr><td>{@code group}</td><td>the group name</td><td>the library whose directory holds it, or
 * {@code null} for any library</td></tr>
 * <tr><td>{@code library}</td><td>a library code: readers of that subtree</td><td>-</td></tr>
 * <tr><td>{@code verified}</td><td>a verification level code ({@code none} = every
 * reader)</td><td>-</td></tr>
 * </table>
 */
@Schema(name = "SubjectForm")
public record SubjectText(String kind, String value, @Schema(types = { "string", "null" }) String library) {

	public static final String READER = "reader";

	public static final String ACCOUNT = "account";

	public static final String READER_TYPE = "reader-type";

	public static final String GROUP = "group";

	public static final String LIBRARY = "library";

	public static final String VERIFIED = "verified";

	public static final List<String> KINDS = List.of(READER, ACCOUNT, READER_TYPE, GROUP, LIBRARY, VERIFIED);

	public static SubjectText of(Subject subject) {
		if (subject instanceof Subject.Reader reader) {
			return new SubjectText(READER, reader.readerId().toString(), null);
		}
		if (subject instanceof Subject.Account account) {
			return new SubjectText(ACCOUNT, account.accountId().toString(), null);
		}
		if (subject instanceof Subject.ReaderType type) {
			return new SubjectText(READER_TYPE, type.type(), null);
		}
		if (subject instanceof Subject.Group group) {
			return new SubjectText(GROUP, group.name(), group.libraryCode());
		}
		if (subject instanceof Subject.LibrarySubtree subtree) {
			return new SubjectText(LIBRARY, subtree.libraryCode(), null);
		}
		Subject.VerifiedReaders verified = (Subject.VerifiedReaders) subject;
		return new SubjectText(VERIFIED, verified.minimum().code(), null);
	}

	/**
	 * The subject, checked by the policy module's own rules.
	 * @throws IllegalArgumentException naming what is wrong: an unknown kind, a malformed value
	 * (not a UUID, not a library code, not a level), or a library given for a kind without one
	 */
	public Subject toSubject() {
		if (this.kind == null || !KINDS.contains(this.kind)) {
			throw new IllegalArgumentException("subject kind '" + this.kind + "' is not one of " + KINDS);
		}
		if (this.library != null && !GROUP.equals(this.kind)) {
			throw new IllegalArgumentException("only a group subject names a library");
		}
		if (this.value == null) {
			throw new IllegalArgumentException("a " + this.kind + " subject needs a value");
		}
		return switch (this.kind) {
			case READER -> Subject.reader(uuid(this.value));
			case ACCOUNT -> Subject.account(uuid(this.value));
			case READER_TYPE -> Subject.readerType(this.value);
			case GROUP -> (this.library != null) ? Subject.group(this.value, this.library) : Subject.group(this.value);
			case LIBRARY -> Subject.librarySubtree(this.value);
			default -> Subject.verifiedAtLeast(PolicyText.verification(this.value));
		};
	}

	private static UUID uuid(String value) {
		if (!PolicyText.isUuid(value)) {
			throw new IllegalArgumentException("'" + value + "' is not a UUID");
		}
		return UUID.fromString(value);
	}

}
