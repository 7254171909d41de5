package org.readerpass.ldapsync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL database of its own for one test class, dropped afterwards (the server is
 * left as found). Register with
 * {@code @RegisterExtension static final TestPostgres postgres = new TestPostgres();}.
 *
 * <p>
 * The server: {@value #URL_ENV} (with {@value #USER_ENV} / {@value #PASSWORD_ENV}) when set,
 * else the local default {@value #LOCAL_URL} as {@code postgres} (trust authentication, as on
 * the project's machines and in CI). No server: the test fails (never skips) saying what to
 * start.
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	public static final String URL_ENV = "READERPASS_TEST_POSTGRES_URL";

	public static final String USER_ENV = "READERPASS_TEST_POSTGRES_USER";

	public static final String PASSWORD_ENV = "READERPASS_TEST_POSTGRES_PASSWORD";

	public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]*)(\\?.*)?$");

	private String adminUrl;

	private String user;

	private String password;

	private String database;

	private String url;

	private HikariDataSource dataSource;

	@Override
	public void beforeAll(ExtensionContext context) {
		create();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/** Creates the database (done by {@link #beforeAll} when registered as an extension). */
	public TestPostgres create() {
		String envUrl = System.getenv(URL_ENV);
		this.adminUrl = (envUrl != null && !envUrl.isBlank()) ? envUrl : LOCAL_URL;
		this.user = Objects.requireNonNullElse(System.getenv(USER_ENV), "postgres");
		this.password = Objects.requireNonNullElse(System.getenv(PASSWORD_ENV), "");
		this.database = "readerpass_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		execute("create database " + this.database);
		this.url = withDatabase(this.adminUrl, this.database);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.url);
		config.setUsername(this.user);
		config.setPassword(this.password);
		config.setMaximumPoolSize(8);
		config.setPoolName("test-postgres");
		this.dataSource = new HikariDataSource(config);
		return this;
	}

	/** The test database (no migration applied: see {@link TestDatabases#migrate}). */
	public DataSource dataSource() {
		return this.dataSource;
	}

	public String url() {
		return this.url;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** Closes the pool and drops the database. */
	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
			this.dataSource = null;
		}
		if (this.database != null) {
			execute("drop database if exists " + this.database + " with (force)");
			this.database = null;
		}
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No PostgreSQL for the tests at " + this.adminUrl + " as " + this.user + " ("
					+ ex.getMessage() + "). Start the local server (PostgreSQL 15, trust auth on 127.0.0.1:5432: "
					+ "pg_ctlcluster --skip-systemctl-redirect 15 main start) or point " + URL_ENV + " (and "
					+ USER_ENV + ", " + PASSWORD_ENV + ") at a server where this user may create databases.", ex);
		}
	}

	static String withDatabase(String jdbcUrl, String database) {
		Matcher matcher = JDBC_URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
		}
		return matcher.group(1) + database + Objects.requireNonNullElse(matcher.group(3), "");
	}

}
