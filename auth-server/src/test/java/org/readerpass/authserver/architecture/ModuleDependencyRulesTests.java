package org.readerpass.authserver.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.archfixture.AdminUiClassUsingUnboundId;
import org.readerpass.ldapsync.archfixture.LdapSyncClassUsingAuthServer;
import org.readerpass.policy.archfixture.PolicyClassUsingSpring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module rules of DESIGN.md, checked on the production classes of every module:
 * {@code policy} ← {@code ldap-sync} ← {@code admin-ui} ← {@code auth-server}; only ldap-sync
 * imports LDAP libraries; only auth-server imports the authorization server. Each rule is also
 * shown to fail on a deliberately violating fixture class.
 */
class ModuleDependencyRulesTests {

	static final ArchRule POLICY_IS_PLAIN_JAVA = classes().that()
		.resideInAPackage("org.readerpass.policy..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("org.readerpass.policy..", "java..")
		.as("policy is plain Java: no Spring, no I/O libraries, no other module");

	static final ArchRule LDAP_SYNC_DEPENDS_ON_POLICY_ONLY = noClasses().that()
		.resideInAPackage("org.readerpass.ldapsync..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.readerpass.adminui..", "org.readerpass.authserver..")
		.as("ldap-sync depends on no module but policy");

	static final ArchRule ADMIN_UI_DOES_NOT_DEPEND_ON_AUTH_SERVER = noClasses().that()
		.resideInAPackage("org.readerpass.adminui..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.readerpass.authserver..")
		.as("admin-ui depends on policy and ldap-sync only");

	static final ArchRule ONLY_LDAP_SYNC_IMPORTS_LDAP = noClasses().that()
		.resideOutsideOfPackage("org.readerpass.ldapsync..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.unboundid..", "org.springframework.ldap..", "javax.naming.ldap..")
		.as("only ldap-sync imports UnboundID / Spring LDAP");

	static final ArchRule ONLY_AUTH_SERVER_IMPORTS_AUTHORIZATION_SERVER = noClasses().that()
		.resideOutsideOfPackage("org.readerpass.authserver..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.security.oauth2.server.authorization..")
		.as("only auth-server imports the authorization server");

	static final ArchRule MODULES_FREE_OF_CYCLES = slices().matching("org.readerpass.(*)..")
		.should()
		.beFreeOfCycles();

	static JavaClasses production;

	@BeforeAll
	static void importProductionClasses() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
			.withImportOption(location -> !location.contains("-tests.jar"))
			.importPackages("org.readerpass");
	}

	@Test
	void productionClassesWhenCheckedThenFollowEveryModuleRule() {
		POLICY_IS_PLAIN_JAVA.check(production);
		LDAP_SYNC_DEPENDS_ON_POLICY_ONLY.check(production);
		ADMIN_UI_DOES_NOT_DEPEND_ON_AUTH_SERVER.check(production);
		ONLY_LDAP_SYNC_IMPORTS_LDAP.check(production);
		ONLY_AUTH_SERVER_IMPORTS_AUTHORIZATION_SERVER.check(production);
		MODULES_FREE_OF_CYCLES.check(production);
	}

	@Test
	void rulesWhenAModuleBreaksThemThenFail() {
		assertThatThrownBy(() -> POLICY_IS_PLAIN_JAVA.check(fixture(PolicyClassUsingSpring.class)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> LDAP_SYNC_DEPENDS_ON_POLICY_ONLY.check(fixture(LdapSyncClassUsingAuthServer.class)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> ONLY_LDAP_SYNC_IMPORTS_LDAP.check(fixture(AdminUiClassUsingUnboundId.class)))
			.isInstanceOf(AssertionError.class);
	}

	private static JavaClasses fixture(Class<?> type) {
		return new ClassFileImporter().importClasses(type);
	}

}
