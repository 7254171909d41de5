package org.readerpass.ldapsync.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.testsupport.LdapSyncContexts;

/** {@link LinkingConfiguration} as the module imports it (the demo directories, H2). */
class LinkingConfigurationTests {

	@Test
	void readerLinksWhenModuleImportedThenOneOnTheDatabase() {
		LdapSyncContexts.demo().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ReaderLinks.class);
			assertThat(context.getBean(ReaderLinks.class)).isInstanceOf(JdbcReaderLinks.class);
		});
	}

}
