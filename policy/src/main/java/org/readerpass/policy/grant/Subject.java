package org.readerpass.policy.grant;

import java.util.Objects;
import java.util.UUID;

import org.readerpass.policy.network.Library;
import org.readerpass.policy.reader.VerificationLevel;

/** Who a grant is for. Exactly one kind per grant; each kind matches a reader as documented. */
public sealed interface Subject permits Subject.Reader, Subject.Account, Subject.ReaderType, Subject.Group,
		Subject.LibrarySubtree, Subject.VerifiedReaders {

	/** Short text for reasons and audit, e.g. {@code library:zj.sx}. */
	String describe();

	static Subject reader(UUID readerId) {
		return new Reader(readerId);
	}

	static Subject account(UUID accountId) {
		return new Account(accountId);
	}

	static Subject readerType(String type) {
		return new ReaderType(type);
	}

	/** Members of a group of that name in any library's directory. */
	static Subject group(String name) {
		return new Group(name, null);
	}

	/** Members of the group of that name in this library's directory only. */
	static Subject group(String name, String libraryCode) {
		return new Group(name, Objects.requireNonNull(libraryCode, "libraryCode"));
	}

	static Subject librarySubtree(String libraryCode) {
		return new LibrarySubtree(libraryCode);
	}

	static Subject verifiedAtLeast(VerificationLevel minimum) {
		return new VerifiedReaders(minimum);
	}

	/** Every reader: verified at least {@link VerificationLevel#NONE}. */
	static Subject everyone() {
		return new VerifiedReaders(VerificationLevel.NONE);
	}

	/** One person, whichever of their accounts they signed in with. */
	record Reader(UUID readerId) implements Subject {

		public Reader {
			Objects.requireNonNull(readerId, "readerId");
		}

		@Override
		public String describe() {
			return "reader:" + this.readerId;
		}

	}

	/** One directory account: only when the reader signed in with it. */
	record Account(UUID accountId) implements Subject {

		public Account {
			Objects.requireNonNull(accountId, "accountId");
		}

		@Override
		public String describe() {
			return "account:" + this.accountId;
		}

	}

	/** Readers whose (sign-in account's) reader type is exactly this, e.g. {@code child}. */
	record ReaderType(String type) implements Subject {

		public ReaderType {
			if (type == null || type.isBlank()) {
				throw new IllegalArgumentException("a reader-type subject needs a type");
			}
		}

		@Override
		public String describe() {
			return "reader-type:" + this.type;
		}

	}

	/**
	 * Members of a directory group: of that name in any library's directory when
	 * {@code libraryCode} is {@code null}, else only in that library's directory (exactly that
	 * library, not its subtree: each directory names its groups on its own).
	 */
	record Group(String name, String libraryCode) implements Subject {

		public Group {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("a group subject needs a group name");
			}
			if (libraryCode != null && !Library.isValidCode(libraryCode)) {
				throw new IllegalArgumentException("group '" + name + "' has a malformed library '" + libraryCode + "'");
			}
		}

		@Override
		public String describe() {
			return (this.libraryCode != null) ? "group:" + this.name + "@" + this.libraryCode : "group:" + this.name;
		}

	}

	/**
	 * Readers with an account at any library of the subtree rooted at {@code libraryCode} (the
	 * home library or any other library of the person).
	 */
	record LibrarySubtree(String libraryCode) implements Subject {

		public LibrarySubtree {
			if (!Library.isValidCode(libraryCode)) {
				throw new IllegalArgumentException("library subtree '" + libraryCode + "' is not a library code");
			}
		}

		@Override
		public String describe() {
			return "library:" + this.libraryCode;
		}

	}

	/** Every reader verified at least at {@code minimum}. */
	record VerifiedReaders(VerificationLevel minimum) implements Subject {

		public VerifiedReaders {
			Objects.requireNonNull(minimum, "minimum");
		}

		@Override
		public String describe() {
			return "verified:" + this.minimum.code();
		}

	}

}
