package org.readerpass.adminui.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.policy.Secret;

/**
 * Reader accounts written as the sync writes them: 王芳 at {@code zj} and {@code zj.sx} (one person,
 * linked by her resident ID number: verified real-name), and a child reader at Zhuji (card only).
 */
public final class TestAccounts {

	public static final Secret HMAC_KEY = Secret.of("admin-ui-test-identity-hmac-key");

	/** Stands for the HMAC of 王芳's resident ID number: the same in both her accounts. */
	private static final String WANG_FANG_HMAC = "a".repeat(64);

	private TestAccounts() {
	}

	public static ReaderAccountStore accounts(DataSource dataSource) {
		return TestReaderAccounts.jdbc(dataSource, new ResidentIdHasher(HMAC_KEY));
	}

	/** Writes the accounts (again: nothing changes the second time). */
	public static void write(ReaderAccountStore accounts) {
		accounts.write(List.of(
				new DirectoryAccount("zj", "dir-zj-0002", "uid=ZJ0002,ou=readers,dc=zj", "ZJ0002", "王芳", "adult",
						AccountStatus.ACTIVE, null, WANG_FANG_HMAC, null, null),
				new DirectoryAccount("zj.sx", "dir-sx-0002", "cn=SX0002,ou=readers,dc=sx", "SX0002", "王芳", "adult",
						AccountStatus.ACTIVE, null, WANG_FANG_HMAC, null, null),
				new DirectoryAccount("zj.sx.zhuji", "dir-zhuji-0001", "uid=ZH0001,ou=readers,dc=zhuji", "ZH0001", "小明",
						"child", AccountStatus.ACTIVE, null, null, null, null)),
				Instant.parse("2026-11-25T00:00:00Z"), UUID.randomUUID());
	}

	public static ReaderAccount byCard(ReaderAccountStore accounts, String cardNumber) {
		return accounts.findByCardNumber(cardNumber).get(0);
	}

}
