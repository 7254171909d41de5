package org.readerpass.policy.reader;

import java.util.Objects;

/**
 * A group the reader belongs to in one library's directory. Names compare exactly: the
 * directory mapping decides their spelling.
 *
 * @param libraryCode the library whose directory holds the group
 * @param name the group's name there, e.g. {@code teachers}
 */
public record DirectoryGroup(String libraryCode, String name) {

	public DirectoryGroup {
		Objects.requireNonNull(libraryCode, "libraryCode");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a directory group needs a name");
		}
	}

}
