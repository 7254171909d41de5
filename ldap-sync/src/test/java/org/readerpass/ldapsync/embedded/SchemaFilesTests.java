package org.readerpass.ldapsync.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;

/** readerpass-library.schema (slapd) and readerpass-library-schema.ldif (UnboundID) say the same. */
class SchemaFilesTests {

	private static final Pattern DEFINITION = Pattern.compile("(?im)^(attributetype|objectclass)\\s+(\\(.*\\))\\s*$");

	@Test
	void readerpassSchemaWhenReadFromBothFormatsThenSameDefinitions() throws Exception {
		Schema ldif = schema("readerpass-library-schema.ldif");
		List<AttributeTypeDefinition> attributeTypes = new ArrayList<>();
		List<ObjectClassDefinition> objectClasses = new ArrayList<>();
		String slapd = resource("readerpass-library.schema").replaceAll("(?m)^#.*\\n", "").replaceAll("\\n[ \\t]+", " ");
		Matcher matcher = DEFINITION.matcher(slapd);
		while (matcher.find()) {
			if (matcher.group(1).equalsIgnoreCase("attributetype")) {
				attributeTypes.add(new AttributeTypeDefinition(matcher.group(2)));
			}
			else {
				objectClasses.add(new ObjectClassDefinition(matcher.group(2)));
			}
		}
		assertThat(attributeTypes).hasSize(4).containsExactlyInAnyOrderElementsOf(ldif.getAttributeTypes());
		assertThat(objectClasses).hasSize(1).containsExactlyInAnyOrderElementsOf(ldif.getObjectClasses());
	}

	@Test
	void presetSchemaWhenMergedThenReaderAndUserClassesKnown() throws Exception {
		assertThat(PresetSchemas.withStandard(DirectoryPreset.OPENLDAP).getObjectClass("libraryReader")).isNotNull();
		Schema ad = PresetSchemas.withStandard(DirectoryPreset.ACTIVE_DIRECTORY);
		assertThat(ad.getObjectClass("user").getSuperiorClasses()).containsExactly("organizationalPerson");
		assertThat(ad.getAttributeType("objectGUID")).isNotNull();
		assertThat(ad.getObjectClass("inetOrgPerson")).isNotNull();
	}

	private static Schema schema(String name) throws Exception {
		try (InputStream in = SchemaFilesTests.class.getResourceAsStream(PresetSchemas.SCHEMA_FOLDER + name)) {
			return Schema.getSchema(in);
		}
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = SchemaFilesTests.class.getResourceAsStream(PresetSchemas.SCHEMA_FOLDER + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
