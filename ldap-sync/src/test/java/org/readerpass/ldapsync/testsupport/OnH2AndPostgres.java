package org.readerpass.ldapsync.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a store test class twice, once on an in-memory H2 database and once on a real PostgreSQL
 * database: the class is written once, each run's name says which database ({@code [1] on H2},
 * {@code [2] on PostgreSQL}), and every test method counts once per database. The run's database
 * comes as a {@link TestDatabase}, through the class's constructor (a JUnit Jupiter
 * {@link ParameterizedClass}):
 *
 * <pre class="code">
 * &#64;OnH2AndPostgres
 * class JdbcThingTests {
 *
 *     private final TestDatabase database;
 *
 *     private JdbcThing things;
 *
 *     JdbcThingTests(TestDatabase database) {
 *         this.database = database;
 *     }
 *
 *     &#64;BeforeEach
 *     void emptyStore() {
 *         this.things = new JdbcThing(this.database.empty()); // or database.dataSource() to keep the rows
 *     }
 *
 * }
 * </pre>
 *
 * The PostgreSQL database is created for the run (on the first {@link TestDatabase#dataSource()} or
 * {@link TestDatabase#empty()}) and dropped when the run's tests are done, as {@link TestPostgres}
 * does for a class; without a PostgreSQL server the run's tests fail, never skip. Migrations: those
 * on the test's classpath ({@link TestDatabases#migrate}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ParameterizedClass(name = "[{index}] on {argumentSetName}")
@ArgumentsSource(OnH2AndPostgres.Databases.class)
public @interface OnH2AndPostgres {

	/** H2, then PostgreSQL, each a {@link TestDatabase} closed (dropped) after its run. */
	final class Databases implements ArgumentsProvider {

		@Override
		public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
				ExtensionContext context) {
			return Stream.of(Arguments.argumentSet("H2", TestDatabase.h2()),
					Arguments.argumentSet("PostgreSQL", TestDatabase.postgres()));
		}

	}

}
