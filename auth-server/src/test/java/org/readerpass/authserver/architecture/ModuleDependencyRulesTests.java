package org.readerpass.authserver.architecture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readerpass.adminui.archfixture.AdminUiClassUsingUnboundId;
import org.readerpass.archfixture.cyclea.CycleA;
import org.readerpass.archfixture.cycleb.CycleB;
import org.readerpass.ldapsync.archfixture.LdapSyncClassUsingAuthServer;
import org.readerpass.ldapsync.archfixture.visibility.PublicOnlyForItsPackage;
import org.readerpass.policy.archfixture.PolicyClassAskingDns;
import org.readerpass.policy.archfixture.PolicyClassReadingAFile;
import org.readerpass.policy.archfixture.PolicyClassUsingSpring;
import org.readerpass.policy.network.IpLiterals;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module rules of DESIGN.md, checked on the production classes of every module:
 * {@code policy} ← {@code ldap-sync} ← {@code admin-ui} ← {@code auth-server}; only ldap-sync
 * imports LDAP libraries; only auth-server imports the authorization server; {@code policy} does
 * no I/O; no module has a package cycle; ldap-sync makes public only what production code outside
 * each package uses. Each rule is also shown to fail on a deliberately violating fixture class.
 */
class ModuleDependencyRulesTests {

	/**
	 * The parts of the JDK that compute without I/O: language, collections, time, numbers, text,
	 * digests, and the address and URI value types (whose look-ups the next rule forbids). Not
	 * {@code java.io}, {@code java.nio.file}, sockets, {@code java.sql}, threads or processes.
	 */
	private static final DescribedPredicate<JavaClass> JDK_WITHOUT_IO = resideInAnyPackage("java.lang",
			"java.lang.invoke", "java.lang.runtime", "java.util..", "java.time..", "java.math..", "java.nio.charset..",
			"java.security")
		.and(DescribedPredicate.not(belongToAnyOf(Thread.class, Process.class, ProcessBuilder.class, Runtime.class,
				System.class, ClassLoader.class)))
		.or(belongToAnyOf(URI.class, URISyntaxException.class, InetAddress.class, Inet4Address.class,
				Inet6Address.class, UnknownHostException.class));

	static final ArchRule POLICY_IS_PLAIN_JAVA = classes().that()
		.resideInAPackage("org.readerpass.policy..")
		.should()
		.onlyDependOnClassesThat(resideInAPackage("org.readerpass.policy..").or(JDK_WITHOUT_IO))
		.as("policy is plain Java and does no I/O: no Spring, no I/O libraries, no other module, "
				+ "only the JDK's computing packages");

	/** {@link IpLiterals} may call {@code getByName}: it passes only literals (no DNS query). */
	static final ArchRule POLICY_ASKS_NO_DNS = noClasses().that()
		.resideInAPackage("org.readerpass.policy..")
		.and()
		.doNotBelongToAnyOf(IpLiterals.class)
		.should()
		.callMethod(InetAddress.class, "getByName", String.class)
		.orShould()
		.callMethod(InetAddress.class, "getAllByName", String.class)
		.orShould()
		.callMethod(InetAddress.class, "getLocalHost")
		.orShould()
		.callMethod(InetAddress.class, "getHostName")
		.orShould()
		.callMethod(InetAddress.class, "getCanonicalHostName")
		.as("policy asks no DNS: IP literals are parsed by IpLiterals only");

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

	/** Within every module, feature packages (and their subpackages) depend on each other one way. */
	static final ArchRule PACKAGES_FREE_OF_CYCLES = slices().matching("org.readerpass.(*).(*)..")
		.namingSlices("$1.$2")
		.should()
		.beFreeOfCycles()
		.as("no package cycle in any module");

	/**
	 * ldap-sync makes public only its API: each public top-level type is used by a production
	 * class outside its own package (another ldap-sync feature, the module's Spring wiring, or
	 * admin-ui / auth-server), or is the supertype of a public type (whose API it then is, such as
	 * the connector marker that the public capability interfaces extend). Tests do not count: they
	 * live in the package of what they test, or reach it through test support there.
	 */
	static final ArchRule LDAP_SYNC_PUBLIC_ONLY_ITS_API = classes().that()
		.resideInAPackage("org.readerpass.ldapsync..")
		.and()
		.arePublic()
		.and()
		.areTopLevelClasses()
		.should(beUsedOutsideTheirPackage())
		.as("ldap-sync types are public only when production code outside their package uses them "
				+ "or a public type extends them");

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
		POLICY_ASKS_NO_DNS.check(production);
		LDAP_SYNC_DEPENDS_ON_POLICY_ONLY.check(production);
		ADMIN_UI_DOES_NOT_DEPEND_ON_AUTH_SERVER.check(production);
		ONLY_LDAP_SYNC_IMPORTS_LDAP.check(production);
		ONLY_AUTH_SERVER_IMPORTS_AUTHORIZATION_SERVER.check(production);
		MODULES_FREE_OF_CYCLES.check(production);
		PACKAGES_FREE_OF_CYCLES.check(production);
		LDAP_SYNC_PUBLIC_ONLY_ITS_API.check(production);
	}

	@Test
	void rulesWhenAModuleBreaksThemThenFail() {
		assertThatThrownBy(() -> POLICY_IS_PLAIN_JAVA.check(fixture(PolicyClassUsingSpring.class)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> LDAP_SYNC_DEPENDS_ON_POLICY_ONLY.check(fixture(LdapSyncClassUsingAuthServer.class)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> ONLY_LDAP_SYNC_IMPORTS_LDAP.check(fixture(AdminUiClassUsingUnboundId.class)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> LDAP_SYNC_PUBLIC_ONLY_ITS_API.check(fixture(PublicOnlyForItsPackage.class)))
			.isInstanceOf(AssertionError.class);
	}

	@Test
	void publicOnlyItsApiRuleWhenOnlyItsOwnPackageUsesAPublicTypeThenFails() {
		JavaClasses visibilityFixture = new ClassFileImporter()
			.importPackages("org.readerpass.ldapsync.archfixture.visibility");
		assertThatThrownBy(() -> LDAP_SYNC_PUBLIC_ONLY_ITS_API.check(visibilityFixture))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining(PublicOnlyForItsPackage.class.getName() + " is public, but no class outside")
			.hasMessageNotContaining("PublicApi is public")
			.hasMessageNotContaining("PublicPart is public");
	}

	@Test
	void policyRulesWhenPolicyDoesIoThenFail() {
		assertThatThrownBy(() -> POLICY_IS_PLAIN_JAVA.check(fixture(PolicyClassReadingAFile.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("java.nio.file.Files");
		assertThatThrownBy(() -> POLICY_ASKS_NO_DNS.check(fixture(PolicyClassAskingDns.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("getByName");
	}

	@Test
	void packageCycleRuleWhenTwoPackagesUseEachOtherThenFails() {
		assertThatThrownBy(() -> PACKAGES_FREE_OF_CYCLES.check(fixture(CycleA.class, CycleB.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("archfixture.cyclea")
			.hasMessageContaining("archfixture.cycleb");
	}

	/**
	 * A type counts as used outside its package when a class of another package depends on it or
	 * on one of its nested types (which Java can reach only through a public enclosing type), or
	 * when a public type extends or implements it (that type answers for itself under this rule).
	 */
	static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
		return new ArchCondition<>("be used by a class outside their own package, or extended by a public type") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean usedOutside = type.getPackage()
					.getClasses()
					.stream()
					.filter(member -> topLevelClassOf(member).equals(type))
					.flatMap(member -> member.getDirectDependenciesToSelf().stream())
					.anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
				boolean extendedByPublicType = type.getSubclasses()
					.stream()
					.anyMatch((subtype) -> subtype.getModifiers().contains(JavaModifier.PUBLIC));
				if (!usedOutside && !extendedByPublicType) {
					events.add(SimpleConditionEvent.violated(type, type.getName()
							+ " is public, but no class outside " + type.getPackageName()
							+ " uses it and no public type extends it"));
				}
			}

		};
	}

	private static JavaClass topLevelClassOf(JavaClass type) {
		JavaClass current = type;
		while (current.getEnclosingClass().isPresent()) {
			current = current.getEnclosingClass().get();
		}
		return current;
	}

	private static JavaClasses fixture(Class<?>... types) {
		return new ClassFileImporter().importClasses(types);
	}

}
