package org.readerpass.ldapsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module's package rules (STYLE.md). */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.readerpass.ldapsync");

	@Test
	void unboundIdWhenImportedThenOnlyByLdapConnectorAndEmbeddedDirectories() {
		noClasses().that()
			.resideOutsideOfPackages("org.readerpass.ldapsync.connector.ldap..", "org.readerpass.ldapsync.embedded..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.unboundid..")
			.check(CLASSES);
	}

	@Test
	void featurePackagesWhenDependingOnEachOtherThenNoCycles() {
		slices().matching("org.readerpass.ldapsync.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void accountsAndLinkingWhenCompiledThenNoDirectoryCode() {
		noClasses().that()
			.resideInAnyPackage("org.readerpass.ldapsync.account..", "org.readerpass.ldapsync.linking..",
					"org.readerpass.ldapsync.password..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.readerpass.ldapsync.connector..", "org.readerpass.ldapsync.sync..",
					"org.readerpass.ldapsync.embedded..")
			.check(CLASSES);
	}

	@Test
	void accountsWhenCompiledThenNoLinkingCode() {
		// linking depends on account (it inserts new accounts through account.AccountLinking), never the reverse
		noClasses().that()
			.resideInAPackage("org.readerpass.ldapsync.account..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.readerpass.ldapsync.linking..")
			.check(CLASSES);
	}

}
