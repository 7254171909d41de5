package org.readerpass.authserver.sync;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns on PgJDBC's {@code reWriteBatchedInserts} for a PostgreSQL store, unless the operator set
 * it: a JDBC batch of inserts (the directory sync writes accounts, readers and links 500 at a time)
 * then goes to the server as a few multi-row {@code INSERT}s instead of one statement per row. The
 * H2 store of the embedded default is left as it is.
 */
@Component
public class PostgresBatchedInserts implements BeanPostProcessor {

	static final String PROPERTY = "reWriteBatchedInserts";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			apply(dataSource);
		}
		return bean;
	}

	static void apply(HikariDataSource dataSource) {
		String url = dataSource.getJdbcUrl();
		if (url == null || !url.startsWith("jdbc:postgresql:")
				|| url.toLowerCase(Locale.ROOT).contains(PROPERTY.toLowerCase(Locale.ROOT))
				|| dataSource.getDataSourceProperties().containsKey(PROPERTY)) {
			return;
		}
		dataSource.addDataSourceProperty(PROPERTY, "true");
	}

}
