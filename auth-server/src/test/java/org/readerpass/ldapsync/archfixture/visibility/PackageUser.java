package org.readerpass.ldapsync.archfixture.visibility;

import org.readerpass.ldapsync.archfixture.visibility.api.PublicApi;

/**
 * Uses {@link PublicOnlyForItsPackage} from its own package (which does not count) and a type nested
 * in {@link PublicApi} from another package (which does count for {@code PublicApi}).
 */
class PackageUser {

	String describe(PublicOnlyForItsPackage local) {
		return new PublicApi.Part(local.name()).name();
	}

}
