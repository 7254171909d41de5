package org.readerpass.ldapsync.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;

/** The schema of an embedded directory: UnboundID's standard schema plus the preset's own. */
final class PresetSchemas {

	static final String SCHEMA_FOLDER = "/org/readerpass/ldapsync/schema/";

	private PresetSchemas() {
	}

	/** Merged once per preset: a {@link Schema} is immutable, and the demo network starts nine directories. */
	private static final Map<DirectoryPreset, Schema> MERGED = new ConcurrentHashMap<>();

	static Schema withStandard(DirectoryPreset preset) throws LDAPException, IOException, LDIFException {
		Schema merged = MERGED.get(preset);
		if (merged == null) {
			merged = Schema.mergeSchemas(Schema.getDefaultStandardSchema(), presetSchema(preset));
			MERGED.putIfAbsent(preset, merged);
		}
		return merged;
	}

	private static Schema presetSchema(DirectoryPreset preset) throws IOException, LDIFException {
		String name = switch (preset) {
			case OPENLDAP -> "readerpass-library-schema.ldif";
			case ACTIVE_DIRECTORY -> "ad-subset-schema.ldif";
		};
		try (InputStream in = PresetSchemas.class.getResourceAsStream(SCHEMA_FOLDER + name)) {
			if (in == null) {
				throw new IOException("schema resource missing: " + SCHEMA_FOLDER + name);
			}
			return Schema.getSchema(in);
		}
	}

}
