package org.readerpass.adminui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.archfixture.ControllerCallingStore;
import org.readerpass.adminui.archfixture.FixtureController;
import org.readerpass.adminui.archfixture.JsonWritingStore;
import org.readerpass.adminui.archfixture.cycle.left.LeftFeature;
import org.readerpass.adminui.archfixture.cycle.right.RightFeature;
import org.readerpass.adminui.archfixture.livepolicy.LivePolicyUsingWeb;
import org.readerpass.adminui.archfixture.text.TextCodecUsingJackson;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;

/**
 * The module's package rules (STYLE.md): one package per thing admins manage ({@code grant},
 * {@code audit}, {@code decision}, {@code sync}) over the {@code livepolicy}, the shared {@code web}
 * and {@code problem} parts and the {@code text} codecs, without cycles; stores, the live policy and
 * the text codecs know no web. Each rule is also shown to fail on a deliberately violating class of
 * {@code archfixture}.
 */
class ArchitectureTests {

	/** What "the web" is to the rules below: Spring MVC, servlets, JSON, and the module's own web part. */
	private static final String[] WEB = { "org.springframework.web..", "org.springframework.http..",
			"jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson..", "org.readerpass.adminui.web.." };

	static final ArchRule PACKAGES_FREE_OF_CYCLES = slices().matching("org.readerpass.(**)")
		.should()
		.beFreeOfCycles()
		.as("admin-ui's packages (the root and each feature) depend on each other without cycles");

	static final ArchRule STORES_KNOW_NO_WEB = noClasses().that()
		.haveSimpleNameStartingWith("Jdbc")
		.or()
		.haveSimpleNameEndingWith("Store")
		.or()
		.haveSimpleNameEndingWith("Rows")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(WEB)
		.orShould()
		.dependOnClassesThat()
		.areMetaAnnotatedWith(Controller.class)
		.as("stores (Jdbc*, *Store, *Rows) know no web, no JSON and no controllers");

	static final ArchRule LIVE_POLICY_KNOWS_NO_WEB = noClasses().that()
		.resideInAPackage("org.readerpass.adminui..livepolicy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(WEB)
		.orShould()
		.dependOnClassesThat()
		.areMetaAnnotatedWith(Controller.class)
		.as("the live policy (what every token is issued with) knows no web");

	static final ArchRule TEXT_AND_PROBLEMS_KNOW_NO_WEB = noClasses().that()
		.resideInAnyPackage("org.readerpass.adminui..text..", "org.readerpass.adminui..problem..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(WEB)
		.as("the text codecs and the problems (which stores use too) know no web and no JSON");

	static final ArchRule NO_SECURITY_NO_LDAP_NO_AUTHORIZATION_SERVER = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.security..", "com.unboundid..", "org.springframework.ldap..",
				"org.readerpass.authserver..")
		.as("admin-ui imports no Spring Security, no LDAP library and not auth-server");

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.readerpass.adminui");

	@Test
	void featurePackagesWhenDependingOnEachOtherThenNoCycles() {
		PACKAGES_FREE_OF_CYCLES.check(CLASSES);
	}

	@Test
	void storesWhenCompiledThenKnowNoWebNoJsonNoControllers() {
		STORES_KNOW_NO_WEB.check(CLASSES);
	}

	@Test
	void livePolicyWhenCompiledThenKnowsNoWeb() {
		LIVE_POLICY_KNOWS_NO_WEB.check(CLASSES);
	}

	@Test
	void textCodecsAndProblemsWhenCompiledThenKnowNoWeb() {
		TEXT_AND_PROBLEMS_KNOW_NO_WEB.check(CLASSES);
	}

	@Test
	void moduleWhenCompiledThenNoSecurityNoLdapNoAuthorizationServer() {
		NO_SECURITY_NO_LDAP_NO_AUTHORIZATION_SERVER.check(CLASSES);
	}

	@Test
	void rulesWhenAFixtureBreaksThemThenFail() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PACKAGES_FREE_OF_CYCLES.check(fixture(LeftFeature.class, RightFeature.class)))
			.withMessageContaining("Cycle detected")
			.withMessageContaining(LeftFeature.class.getName());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> STORES_KNOW_NO_WEB.check(fixture(JsonWritingStore.class)))
			.withMessageContaining(JsonWritingStore.class.getName())
			.withMessageContaining("tools.jackson");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> STORES_KNOW_NO_WEB.check(fixture(ControllerCallingStore.class, FixtureController.class)))
			.withMessageContaining(ControllerCallingStore.class.getName())
			.withMessageContaining(FixtureController.class.getName());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> LIVE_POLICY_KNOWS_NO_WEB.check(fixture(LivePolicyUsingWeb.class)))
			.withMessageContaining(LivePolicyUsingWeb.class.getName())
			.withMessageContaining("org.springframework.web.util");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> TEXT_AND_PROBLEMS_KNOW_NO_WEB.check(fixture(TextCodecUsingJackson.class)))
			.withMessageContaining(TextCodecUsingJackson.class.getName())
			.withMessageContaining("tools.jackson");
	}

	private static JavaClasses fixture(Class<?>... types) {
		return new ClassFileImporter().importClasses(types);
	}

}
