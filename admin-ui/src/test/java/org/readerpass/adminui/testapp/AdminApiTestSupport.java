package org.readerpass.adminui.testapp;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.adminui.testsupport.TestAccounts;
import org.readerpass.ldapsync.account.ReaderAccountStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every admin API test starts from: an empty policy store (the live snapshot rebuilt from
 * it), the test reader accounts, and a client for the running application.
 */
@AdminApiTest
public abstract class AdminApiTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	protected DataSource dataSource;

	@Autowired
	protected LivePolicy livePolicy;

	@Autowired
	protected ReaderAccountStore accounts;

	protected AdminApiClient api;

	@BeforeEach
	void emptyPolicyStore() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("delete from policy_audit").update();
		jdbc.sql("delete from policy_grant").update();
		jdbc.sql("delete from policy_resource").update();
		jdbc.sql("update policy_revision set revision = revision + 1").update();
		this.livePolicy.refresh();
		TestAccounts.write(this.accounts);
		this.api = new AdminApiClient(this.port);
	}

	/** The e-books resource: read, download; owned by zj. */
	protected static String ebooks() {
		return AdminApiClient.json("code", "nlc-ebooks", "nameZh", "国家图书馆电子书", "nameEn", "NLC e-books",
				"ownerLibrary", "zj", "audience", "https://ebooks.nlc.example/", "actions",
				java.util.List.of("read", "download"));
	}

	protected void createEbooks() {
		org.assertj.core.api.Assertions.assertThat(this.api.post("/api/admin/resources", ebooks()).status())
			.isEqualTo(201);
	}

}
