package org.readerpass.adminui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module's package rules (STYLE.md): form ← store ← policy ← api, the web only in api. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.readerpass.adminui");

	@Test
	void featurePackagesWhenDependingOnEachOtherThenNoCycles() {
		slices().matching("org.readerpass.adminui.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void storeAndFormsWhenCompiledThenKnowNeitherTheWebNorTheLivePolicy() {
		noClasses().that()
			.resideInAnyPackage("org.readerpass.adminui.store..", "org.readerpass.adminui.form..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.readerpass.adminui.api..", "org.readerpass.adminui.policy..",
					"org.springframework.web..", "jakarta.servlet..", "tools.jackson..")
			.check(CLASSES);
	}

	@Test
	void livePolicyWhenCompiledThenKnowsNoWeb() {
		noClasses().that()
			.resideInAPackage("org.readerpass.adminui.policy..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.readerpass.adminui.api..", "org.springframework.web..", "jakarta.servlet..")
			.check(CLASSES);
	}

	@Test
	void moduleWhenCompiledThenNoSecurityNoLdapNoAuthorizationServer() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.security..", "com.unboundid..", "org.springframework.ldap..",
					"org.readerpass.authserver..")
			.check(CLASSES);
	}

}
