package org.readerpass.ldapsync.connector.ldap;

import java.nio.ByteBuffer;
import java.util.UUID;

import com.unboundid.ldap.sdk.Attribute;

/**
 * Active Directory's binary {@code objectGUID} as the canonical UUID string Windows shows. The
 * 16 bytes are a Microsoft GUID structure: the first three fields little-endian, the last eight
 * bytes in order ({3F2504E0-4F89-11D3-9A0C-0305E82C3301} is stored as E0 04 25 3F 89 4F D3 11 …).
 */
final class ObjectGuidValue implements ValueConverter<String> {

	@Override
	public String convert(Attribute attribute) throws MalformedValueException {
		byte[] guid = attribute.getValueByteArray();
		if (guid.length != 16) {
			throw new MalformedValueException(attribute.getName() + " is not a 16-byte GUID");
		}
		return toUuid(guid).toString();
	}

	static UUID toUuid(byte[] guid) {
		ByteBuffer bytes = ByteBuffer.wrap(new byte[] { guid[3], guid[2], guid[1], guid[0], guid[5], guid[4], guid[7],
				guid[6], guid[8], guid[9], guid[10], guid[11], guid[12], guid[13], guid[14], guid[15] });
		return new UUID(bytes.getLong(), bytes.getLong());
	}

}
