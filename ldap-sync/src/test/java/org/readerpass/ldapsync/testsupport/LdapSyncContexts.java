package org.readerpass.ldapsync.testsupport;

import javax.sql.DataSource;

import org.readerpass.ldapsync.LdapSyncConfiguration;

import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module as an application imports it: a DataSource (H2), the demo YAML, nothing else. */
public final class LdapSyncContexts {

	private LdapSyncContexts() {
	}

	/** A runner of contexts that import {@link LdapSyncConfiguration} with the demo directories. */
	public static ApplicationContextRunner demo() {
		return new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:/" + DemoDirectories.YAML)
			.withBean(DataSource.class, TestDatabases::h2)
			.withUserConfiguration(LdapSyncConfiguration.class);
	}

}
